'use client';

import { ErrorState } from '@/components/ui/error-state';

export default function BoardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorState title="The board could not be loaded" error={error} onRetry={retry} />;
}
