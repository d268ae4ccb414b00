import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cx } from './cx';

interface EmptyStateProps {
  icon?: LucideIcon;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
}

/** What a list shows when it has nothing in it: say why, and what to do next. */
export function EmptyState({ icon: Icon, title, description, action, className }: EmptyStateProps) {
  return (
    <div className={cx('flex flex-col items-center justify-center rounded-lg border border-dashed border-line-strong px-6 py-10 text-center', className)}>
      {Icon && <Icon aria-hidden className="mb-3 size-8 text-ink-faint" strokeWidth={1.5} />}
      <p className="text-sm font-medium text-ink">{title}</p>
      {description && <div className="mt-1 max-w-md text-sm text-ink-muted">{description}</div>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
