import { AlertTriangle, CheckCircle2, ChevronRight, XCircle } from 'lucide-react';
import { failingGates, unmetAdvisoryGates } from '@/lib/registry';
import type { PolicyPreviewRow } from '@/lib/queries/use-policy';
import { GateList } from '@/components/governance/gate-list';
import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';

const STAGE_LABEL = { testing: 'Testing', staging: 'Staging' } as const;
const TARGET_LABEL = { staging: 'Staging', production: 'Production' } as const;

/** "v10 (Staging) would fail 1 gate: …", per version, with every gate's verdict. */
export function verdict(row: PolicyPreviewRow): string {
  const who = `v${row.number} (${STAGE_LABEL[row.stage]})`;
  const advisories = unmetAdvisoryGates(row.results).map((r) => r.label);
  const advisoryNote = advisories.length > 0 ? `; advisory, not met: ${advisories.join('; ')}` : '';
  if (row.failing === 0) {
    const blocking = row.results.length - unmetAdvisoryGates(row.results).length;
    return advisories.length > 0 ? `${who} would enter ${TARGET_LABEL[row.target]} (${blocking} blocking gate${blocking === 1 ? '' : 's'} pass)${advisoryNote}` : `${who} would pass all ${row.results.length} ${TARGET_LABEL[row.target]} gate${row.results.length === 1 ? '' : 's'}`;
  }
  const failed = failingGates(row.results).map((r) => r.label);
  return `${who} would fail ${row.failing} gate${row.failing === 1 ? '' : 's'}: ${failed.join('; ')}${advisoryNote}`;
}

export function PolicyPreview({ rows, stale }: { rows: PolicyPreviewRow[]; stale: boolean }) {
  if (rows.length === 0) return <p className="text-sm text-ink-muted">No version is in Testing or Staging, so this policy decides nothing today.</p>;
  const failing = rows.filter((r) => r.failing > 0).length;
  return (
    <div className={cx('space-y-3', stale && 'opacity-60')}>
      <p className="text-sm text-ink">
        With this policy, {failing === 0 ? 'every version in Testing and Staging would pass its next gates.' : `${failing} of ${rows.length} versions would be blocked at their next stage.`}
        {stale && <span className="ml-1 text-amber-800 dark:text-amber-300">The draft changed since: preview again.</span>}
      </p>
      <ul className="space-y-2" aria-label="Preview by version">
        {rows.map((row) => (
          <li key={row.number} data-testid="preview-row" className="rounded-md border border-line p-3">
            <details open={row.failing > 0} className="group">
              <summary className="flex cursor-pointer list-none items-start gap-2 text-sm [&::-webkit-details-marker]:hidden">
                <ChevronRight aria-hidden className="mt-0.5 size-4 shrink-0 text-ink-faint transition-transform group-open:rotate-90" />
                {row.failing === 0 && unmetAdvisoryGates(row.results).length > 0 ? (
                  <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" />
                ) : row.failing === 0 ? (
                  <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600 dark:text-emerald-400" />
                ) : (
                  <XCircle aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400" />
                )}
                <span className="min-w-0 flex-1">{verdict(row)}</span>
                <Badge className="shrink-0 font-mono">{row.semver}</Badge>
              </summary>
              <GateList gates={row.results} className="mt-3 border-t border-line pt-3" />
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
