import { Skeleton } from '@/components/ui/skeleton';

export default function ApprovalsLoading() {
  return (
    <div className="space-y-6" role="status" aria-busy="true" aria-label="Loading approvals">
      <Skeleton className="h-8 w-40" />
      {[0, 1].map((i) => (
        <Skeleton key={i} className="h-48 w-full" />
      ))}
    </div>
  );
}
