'use client';

import { useState, type ReactNode } from 'react';
import { TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';

/**
 * The state of a "create, then show its secret once" dialog: what was created (null while the form
 * shows), and a close that forgets it and the mutation's error, so the next opening starts clean.
 */
export function useCreatedOnce<T>(mutation: { reset: () => void }, onClose: () => void) {
  const [created, setCreated] = useState<T | null>(null);
  const close = () => {
    setCreated(null);
    mutation.reset();
    onClose();
  };
  return { created, setCreated, close };
}

/** The dialog's second step: the secret and whatever explains it, then Done. */
export function ShownOnceStep({ children, onDone }: { children: ReactNode; onDone: () => void }) {
  return (
    <div className="space-y-4">
      {children}
      <div className="flex justify-end">
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

/** A secret the server returns once (a one-time password, an API token), with a copy button and the warning. */
export function ShownOnce({ label, value, warning }: { label: string; value: string; warning: string }) {
  return (
    <div className="space-y-3">
      <div>
        <p className="text-sm font-medium text-ink">{label}</p>
        <div className="mt-1 flex items-center gap-1 rounded-md border border-line-strong bg-surface-muted px-3 py-2">
          <code data-testid="shown-once-secret" className="min-w-0 flex-1 font-mono text-sm break-all text-ink select-all">
            {value}
          </code>
          <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
        </div>
      </div>
      <p className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-400/10 dark:text-amber-200">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span>{warning}</span>
      </p>
    </div>
  );
}
