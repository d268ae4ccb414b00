import { TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** A list that did not load: the server's reason and a retry, in place of the list. */
export function LoadFailed({ what, error, onRetry }: { what: string; error: Error | null; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-400/10 dark:text-red-200">
      <TriangleAlert aria-hidden className="size-4 shrink-0" />
      <span className="min-w-0 flex-1">
        Could not load {what}.{error?.message ? ` ${error.message}` : ''}
      </span>
      <Button size="sm" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
