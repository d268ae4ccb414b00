import { SectionCard } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

/** The trend's place while its code loads: the same card and height, so the page does not jump. */
export function MetricTrendSkeleton() {
  return (
    <SectionCard title="Metric trend across versions">
      <div aria-busy="true" aria-label="Loading trend" className="space-y-3">
        <Skeleton className="h-5 w-64" />
        <Skeleton className="h-72 w-full" />
      </div>
    </SectionCard>
  );
}
