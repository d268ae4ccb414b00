import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

/** The bordered surface that holds a piece of content. */
export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx('rounded-lg border border-line bg-surface shadow-xs', className)} {...props} />;
}

/** A card with a titled header, for the sections of a detail page. */
export function SectionCard({ title, action, children, className }: { title: string; action?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section aria-label={title} className={cx('rounded-lg border border-line bg-surface shadow-xs', className)}>
      <header className="flex items-center justify-between gap-3 border-b border-line px-4 py-3">
        <h2 className="text-sm font-semibold text-ink">{title}</h2>
        {action}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}
