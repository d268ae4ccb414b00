'use client';

import type { ReactNode } from 'react';
import { STAGE_LABELS } from '@/lib/registry';
import type { CompareVersionData } from '@/lib/db/queries/compare';
import { useChartTheme } from '@/components/ui/chart';
import { cx } from '@/components/ui/cx';
import { versionColor } from './compare-model';

/** The first column of every comparison table stays put while the versions scroll sideways. */
export const STICKY = 'sticky left-0 z-10 bg-surface';

/** The heading row of a comparison table: what the rows are, then one column per version. */
export function VersionHeadRow({ label, versions, baselineId }: { label: ReactNode; versions: CompareVersionData[]; baselineId: string }) {
  return (
    <tr>
      <th scope="col" className={cx(STICKY, 'bg-surface-muted px-3 py-2 text-left text-xs font-medium text-ink-faint')}>
        {label}
      </th>
      {versions.map((v, i) => (
        <VersionHeadCell key={v.id} version={v} index={i} isBaseline={v.id === baselineId} />
      ))}
    </tr>
  );
}

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
