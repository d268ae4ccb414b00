'use client';

import { ApiError } from '@/lib/queries/api-error';
import { Button } from '@/components/ui/button';

/** Why older versions did not load, with a retry; an ended session gets a way back in instead. */
export function LoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const signedOut = error instanceof ApiError && error.status === 401;
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-400/10 dark:text-red-300">
      {signedOut ? (
        <>
          Your session has ended.{' '}
          <a href="/signin" className="font-medium underline underline-offset-2">
            Sign in again
          </a>
        </>
      ) : (
        <div className="flex items-center justify-between gap-3">
          <span>{error.message || 'Could not load versions.'}</span>
          <Button size="sm" onClick={onRetry}>
            Retry
          </Button>
        </div>
      )}
    </div>
  );
}

export function LoadMoreButton({ loading, onClick }: { loading: boolean; onClick: () => void }) {
  return (
    <Button size="sm" className="w-full" onClick={onClick} disabled={loading} aria-busy={loading}>
      {loading ? 'Loading…' : 'Load more'}
    </Button>
  );
}
