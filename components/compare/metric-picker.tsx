'use client';

import type { MetricRow } from '@/lib/registry/compare';
import { cx } from '@/components/ui/cx';

/** Toggle chips for the metrics in the chart; grouped as the delta table groups them. */
export function MetricPicker({ rows, selected, onChange }: { rows: MetricRow[]; selected: string[]; onChange: (keys: string[]) => void }) {
  const toggle = (key: string) => onChange(selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key]);
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Metrics in the chart">
      <span className="mr-1 text-xs text-ink-faint">
        Charted: {selected.length} of {rows.length}
      </span>
      {rows.map((row) => {
        const on = selected.includes(row.key);
        return (
          <button
            key={row.key}
            type="button"
            aria-pressed={on}
            onClick={() => toggle(row.key)}
            className={cx(
              'rounded-full border px-2 py-0.5 font-mono text-xs transition-colors',
              on ? 'border-accent bg-indigo-50 text-accent-text dark:bg-indigo-400/10' : 'border-line-strong text-ink-muted hover:text-ink',
            )}
          >
            {row.key}
            {row.group === 'operational' && <span className="ml-1 font-sans text-[10px] text-ink-faint">ops</span>}
          </button>
        );
      })}
      {rows.length > 1 && (
        <button type="button" onClick={() => onChange(selected.length === rows.length ? [] : rows.map((r) => r.key))} className="ml-1 text-xs text-accent-text hover:underline">
          {selected.length === rows.length ? 'Clear' : 'All'}
        </button>
      )}
    </div>
  );
}
