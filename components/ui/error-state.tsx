'use client';

import { TriangleAlert } from 'lucide-react';
import { Button } from './button';

/** The body of an error boundary: what happened in plain words, and a way to try again. */
export function ErrorState({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center rounded-lg border border-red-200 bg-surface px-6 py-10 text-center dark:border-red-900/60">
      <TriangleAlert aria-hidden className="mb-3 size-8 text-red-600 dark:text-red-400" strokeWidth={1.5} />
      <h1 className="text-base font-semibold">{title}</h1>
      <p className="mt-1 text-sm text-ink-muted">This is usually temporary. Try again; if it keeps happening, tell the registry&apos;s operator.</p>
      {digest && <p className="mt-2 font-mono text-xs text-ink-faint">Reference: {digest}</p>}
      <Button variant="primary" className="mt-5" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
