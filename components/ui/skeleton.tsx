import { cx } from './cx';

/** A grey placeholder block shown while content streams in; size it with `className`. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cx('animate-pulse rounded-md bg-surface-muted', className)} />;
}
