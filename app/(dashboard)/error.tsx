'use client';

import { ErrorState } from '@/components/ui/error-state';

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorState title="This page could not be loaded" error={error} onRetry={retry} />;
}
