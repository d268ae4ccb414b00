'use client';

import { Fragment, useId, useState } from 'react';
import { DIFF_SECTION_LABELS, type DiffSection } from '@/lib/registry/compare-params';
import { cx } from '@/components/ui/cx';
import type { CompareModel } from './compare-model';
import { GroupHeadRow, STICKY, VersionHeadRow } from './version-head-cell';

const SECTIONS: DiffSection[] = ['metadata', 'environment', 'hyperparameters', 'features'];

/** What each version was built from, side by side; rows that differ are marked, and can be shown alone. */
export function ParamsDiff({ model }: { model: CompareModel }) {
  const [differencesOnly, setDifferencesOnly] = useState(false);
  const toggleId = useId();
  const { versions, baseline } = model.comparison;
  const differing = model.params.filter((r) => r.differs).length;
  const shown = differencesOnly ? model.params.filter((r) => r.differs) : model.params;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-ink-muted" aria-live="polite">
          {differing === 0 ? 'All versions agree on every field.' : `${differing} of ${model.params.length} rows differ.`}
        </p>
        <label htmlFor={toggleId} className="flex cursor-pointer items-center gap-2 text-sm text-ink">
          <input id={toggleId} type="checkbox" role="switch" checked={differencesOnly} onChange={(e) => setDifferencesOnly(e.target.checked)} className="size-4 accent-[var(--accent)]" />
          Differences only
        </label>
      </div>
      <div className="relative overflow-x-auto rounded-md border border-line">
        <table className="w-full text-sm" data-testid="params-diff">
          <thead className="bg-surface-muted/60">
            <VersionHeadRow label="Field" versions={versions} baselineId={baseline.id} />
          </thead>
          <tbody>
            {SECTIONS.map((section) => {
              const rows = shown.filter((r) => r.section === section);
              if (rows.length === 0) return null;
              return (
                <Fragment key={section}>
                  <GroupHeadRow columns={versions.length + 1}>{DIFF_SECTION_LABELS[section]}</GroupHeadRow>
                  {rows.map((row) => (
                    <tr key={`${section}/${row.key}`} data-differs={row.differs || undefined} className={cx('border-t border-line', row.differs && 'bg-amber-50/70 dark:bg-amber-400/5')}>
                      <th scope="row" className={cx(STICKY, 'px-3 py-1.5 text-left font-mono text-xs font-normal whitespace-nowrap text-ink-muted', row.differs && 'border-l-2 border-l-amber-500 bg-amber-50 dark:bg-zinc-900')}>
                        {row.key}
                        {row.differs && <span className="sr-only"> (differs)</span>}
                      </th>
                      {row.values.map((value, i) => (
                        <td key={i} className="max-w-64 px-3 py-1.5 text-right font-mono text-xs break-all text-ink" title={value ?? 'not recorded'}>
                          {value === null ? <span className="text-ink-faint">—</span> : value}
                        </td>
                      ))}
                    </tr>
                  ))}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 && <p className="px-3 py-6 text-center text-sm text-ink-faint">No differences: every field is the same on all versions.</p>}
      </div>
    </div>
  );
}
