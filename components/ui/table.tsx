import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cx } from './cx';

/** A bordered, horizontally scrollable table: lists of users, tokens and the like. */
export function Table({ className, label, ...props }: HTMLAttributes<HTMLTableElement> & { label: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface shadow-xs">
      <table aria-label={label} className={cx('w-full text-left text-sm [&_tbody]:divide-y [&_tbody]:divide-line', className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cx('border-b border-line bg-surface-muted/60 px-3 py-2 text-xs font-medium whitespace-nowrap text-ink-muted', className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cx('px-3 py-2.5 align-middle', className)} {...props} />;
}
