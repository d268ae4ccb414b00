import { Skeleton } from '@/components/ui/skeleton';

export default function NotificationSettingsLoading() {
  return (
    <div className="mx-auto max-w-2xl space-y-6" role="status" aria-busy="true" aria-label="Loading notification settings">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
