import { TriangleAlert } from 'lucide-react';
import { CopyButton } from '@/components/ui/copy-button';

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
