'use client';

import { STAGE_LABELS } from '@/lib/registry';
import type { CompareVersionData } from '@/lib/db/queries/compare';
import { useChartTheme } from '@/components/ui/chart';
import { cx } from '@/components/ui/cx';
import { versionColor } from './compare-model';

/** A version's column heading, in its chart colour; the baseline says so. */
export function VersionHeadCell({ version, index, isBaseline }: { version: CompareVersionData; index: number; isBaseline: boolean }) {
  const theme = useChartTheme();
  return (
    <th scope="col" className={cx('px-3 py-2 text-right text-xs font-medium whitespace-nowrap', isBaseline ? 'bg-surface-muted text-ink' : 'text-ink-muted')}>
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden className="size-2 rounded-sm" style={{ backgroundColor: versionColor(theme, index) }} />
        <span className="font-semibold text-ink">v{version.number}</span>
      </span>
      <span className="block font-normal text-ink-faint">{isBaseline ? `baseline · ${STAGE_LABELS[version.stage]}` : STAGE_LABELS[version.stage]}</span>
    </th>
  );
}
