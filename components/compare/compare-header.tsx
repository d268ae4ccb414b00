'use client';

import Link from 'next/link';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { StageBadge } from '@/components/registry/stage-badge';
import { Badge } from '@/components/ui/badge';
import { useChartTheme } from '@/components/ui/chart';
import { type CompareModel, versionColor } from './compare-model';
import { ExportCsvButton } from './export-csv-button';

/** What is being compared with what: the versions, which one is the baseline and why. */
export function CompareHeader({ model }: { model: CompareModel }) {
  const theme = useChartTheme();
  const { comparison } = model;
  const { versions, baseline } = comparison;
  const base = versions[0]!;
  const modelHref = `/models/${encodeURIComponent(model.model)}`;
  return (
    <header className="space-y-3">
      <Breadcrumb trail={[{ href: '/models', label: 'Models' }, { href: modelHref, label: model.model }]} current="Compare" />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">
          Compare {versions.length} versions of <span className="wrap-anywhere">{model.model}</span>
        </h1>
        <ExportCsvButton model={model} />
      </div>
      <ul aria-label="Compared versions" className="flex flex-wrap gap-2">
        {versions.map((v, i) => (
          <li key={v.id} data-testid="compared-version" className="flex items-center gap-2 rounded-lg border border-line bg-surface px-2.5 py-1.5 text-sm shadow-xs">
            <span aria-hidden className="size-2.5 rounded-sm" style={{ backgroundColor: versionColor(theme, i) }} />
            <Link href={`${modelHref}/versions/${v.number}`} className="font-semibold text-ink hover:text-accent-text hover:underline">
              v{v.number}
            </Link>
            <span className="font-mono text-xs text-ink-muted">{v.semver}</span>
            <StageBadge stage={v.stage} />
            {v.id === baseline.id && <Badge tone="accent">Baseline</Badge>}
          </li>
        ))}
      </ul>
      <p className="text-sm text-ink-muted" data-testid="baseline-note">
        {baseline.reason === 'production' ? (
          <>
            Deltas are against <strong className="font-medium text-ink">Production v{baseline.number}</strong>
            {base.addedAsBaseline && ', added because it was not in your selection'}.
          </>
        ) : (
          <>
            No version of {model.model} is in Production, so the first selected version,{' '}
            <strong className="font-medium text-ink">v{baseline.number}</strong>, is the baseline.
          </>
        )}
      </p>
    </header>
  );
}
