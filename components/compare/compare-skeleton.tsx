import { Skeleton } from '@/components/ui/skeleton';

/** The comparison's shape while it loads: header, chips, chart, tables. */
export function CompareSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-busy="true" aria-label="Loading comparison">
      <div className="space-y-3">
        <Skeleton className="h-4 w-56" />
        <Skeleton className="h-8 w-80" />
        <div className="flex gap-2">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-9 w-40" />
          ))}
        </div>
      </div>
      <Skeleton className="h-96 w-full rounded-lg" />
      <Skeleton className="h-72 w-full rounded-lg" />
      <Skeleton className="h-64 w-full rounded-lg" />
    </div>
  );
}
