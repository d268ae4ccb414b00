import { cx } from '@/components/ui/cx';
import { Skeleton } from '@/components/ui/skeleton';

export const CARD = 'relative rounded-lg border bg-surface p-3 shadow-xs';

/** A card's shape while it loads (the board's loading.tsx, the archived section's first page). */
export function VersionCardSkeleton() {
  return (
    <div aria-hidden className={cx(CARD, 'border-line')}>
      <Skeleton className="h-4 w-20" />
      <Skeleton className="mt-3 h-5 w-32" />
      <Skeleton className="mt-2 h-3 w-40" />
    </div>
  );
}
