import { Archive, ShieldCheck } from 'lucide-react';
import { STAGE_LABELS } from '@/lib/registry';
import type { RetentionPreview } from '@/lib/queries/use-retention';
import { Skeleton } from '@/components/ui/skeleton';
import { cx } from '@/components/ui/cx';

/** At most this many kept versions are listed; the rest are counted (a model may have hundreds). */
const KEPT_SHOWN = 12;

interface RetentionDryRunProps {
  preview: RetentionPreview | undefined;
  loading: boolean;
  /** The draft changed since this answer: shown dimmed until the next one arrives. */
  stale: boolean;
  error: Error | null;
}

/** "Would archive v5 — Testing, 45 days old" and "Keeps v3 — named by a pending request", from the server's dry run. */
export function RetentionDryRun({ preview, loading, stale, error }: RetentionDryRunProps) {
  if (error) return <p role="alert" className="text-sm text-red-700 dark:text-red-300">Dry run failed: {error.message}</p>;
  if (loading || !preview) {
    return (
      <div className="space-y-2" aria-label="Loading the dry run">
        <Skeleton className="h-4 w-2/3" />
        <Skeleton className="h-4 w-1/2" />
      </div>
    );
  }
  const kept = preview.kept.slice(0, KEPT_SHOWN);
  return (
    <div className={cx('space-y-3 transition-opacity', stale && 'opacity-60')} aria-live="polite" data-testid="retention-dry-run">
      <div>
        <h4 className="text-xs font-semibold tracking-wide text-ink-muted uppercase">Dry run: a pass now would archive</h4>
        {preview.archive.length === 0 ? (
          <p className="mt-1 text-ink-muted">Nothing: every version stays.</p>
        ) : (
          <ul className="mt-1 space-y-1" aria-label="Would archive">
            {preview.archive.map((a) => (
              <li key={a.number} data-testid="retention-archive" className="flex items-start gap-2">
                <Archive aria-hidden className="mt-0.5 size-3.5 shrink-0 text-amber-600 dark:text-amber-400" />
                <span>
                  <span className="font-medium">v{a.number}</span> <span className="font-mono text-xs text-ink-muted">{a.semver}</span> — Testing, {a.ageDays} day{a.ageDays === 1 ? '' : 's'} old: {a.reason}
                </span>
              </li>
            ))}
          </ul>
        )}
        {preview.archiveCount > preview.archive.length && <p className="mt-1 text-xs text-ink-muted">…and {preview.archiveCount - preview.archive.length} more.</p>}
      </div>
      {preview.kept.length > 0 && (
        <div>
          <h4 className="text-xs font-semibold tracking-wide text-ink-muted uppercase">Keeps</h4>
          <ul className="mt-1 space-y-1" aria-label="Keeps">
            {kept.map((k) => (
              <li key={k.number} data-testid="retention-kept" className="flex items-start gap-2">
                <ShieldCheck aria-hidden className="mt-0.5 size-3.5 shrink-0 text-emerald-600 dark:text-emerald-400" />
                <span>
                  <span className="font-medium">v{k.number}</span> <span className="font-mono text-xs text-ink-muted">{k.semver}</span> —{' '}
                  {k.reason === 'stage' ? `${STAGE_LABELS[k.stage]}: retention archives Testing versions only` : k.stage === 'testing' ? k.detail : `${STAGE_LABELS[k.stage]}, ${k.detail}`}
                </span>
              </li>
            ))}
          </ul>
          {preview.keptCount > kept.length && <p className="mt-1 text-xs text-ink-muted">…and {preview.keptCount - kept.length} more kept.</p>}
        </div>
      )}
    </div>
  );
}
