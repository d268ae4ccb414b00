import { ModelList } from '@/components/models/model-list';
import { Skeleton } from '@/components/ui/skeleton';

export default function ModelsLoading() {
  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-2">
          <Skeleton className="h-8 w-32" />
          <Skeleton className="h-4 w-64" />
        </div>
        <Skeleton className="h-9 w-full sm:w-96" />
      </div>
      <ModelList.Skeleton />
    </div>
  );
}
