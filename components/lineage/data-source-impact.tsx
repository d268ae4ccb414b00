import Link from 'next/link';
import { ChevronRight, Database, TriangleAlert } from 'lucide-react';
import { STAGES, STAGE_LABELS } from '@/lib/registry';
import { dataSourceHref, splitDataSource } from '@/lib/registry/compare-lineage';
import type { DataSourceImpact, ImpactGroup } from '@/lib/db/queries/lineage';
import { StageBadge } from '@/components/registry/stage-badge';
import { STAGE_DOT } from '@/components/registry/stage-style';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';

const total = (g: ImpactGroup) => STAGES.reduce((sum, s) => sum + g.counts[s], 0);

/** "If this data is bad, what is affected?" — live versions first, grouped by model. */
export function DataSourceImpactView({ impact }: { impact: DataSourceImpact }) {
  const { source, version, snapshots, groups } = impact;
  const versions = groups.reduce((sum, g) => sum + total(g), 0);
  const live = (stage: 'production' | 'staging') => groups.reduce((sum, g) => sum + g.counts[stage], 0);
  const allSnapshots = snapshots.reduce((sum, s) => sum + s.versions, 0);
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb">
          <ol className="flex flex-wrap items-center gap-1 text-sm text-ink-muted">
            <li>
              <Link href="/data-sources" className="rounded-md hover:text-ink">Data sources</Link>
            </li>
            <li aria-current="page" className="flex min-w-0 items-center gap-1 text-ink">
              <ChevronRight aria-hidden className="size-3.5 shrink-0 text-ink-faint" />
              <span className="truncate font-mono text-xs">{source}</span>
            </li>
          </ol>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">
          What depends on <span className="font-mono text-xl break-all">{source}</span>
          {version && <span className="font-mono text-xl text-ink-muted">@{version}</span>}
        </h1>
        <p className="max-w-3xl text-sm text-ink-muted">
          Every version trained on this {version ? 'snapshot' : 'source'}, and every version descending from one of them through its parents (a
          fine-tune inherits its parent&apos;s data). If a data bug is found here, these are the models to check.
        </p>
      </header>

      {snapshots.length > 0 && (
        <nav aria-label="Snapshots" className="flex flex-wrap items-center gap-1.5">
          <span className="mr-1 text-xs text-ink-faint">Snapshot</span>
          <SnapshotLink href={dataSourceHref(source)} current={version === null} label={`all (${allSnapshots})`} />
          {snapshots.map((s) => (
            <SnapshotLink key={s.version ?? ''} href={dataSourceHref(source, s.version)} current={s.version === version} label={`${s.version ?? 'unversioned'} (${s.versions})`} />
          ))}
        </nav>
      )}

      {groups.length === 0 ? (
        <EmptyState icon={Database} title="No version depends on this data" description="No registered version was trained on it, directly or through a parent model." />
      ) : (
        <>
          <p
            role="status"
            className={cx(
              'flex items-center gap-2 rounded-lg border px-4 py-3 text-sm',
              live('production') > 0
                ? 'border-red-200 bg-red-50 text-red-800 dark:border-red-900/60 dark:bg-red-400/10 dark:text-red-300'
                : 'border-line bg-surface text-ink',
            )}
          >
            {live('production') > 0 && <TriangleAlert aria-hidden className="size-4 shrink-0" />}
            {versions} {versions === 1 ? 'version' : 'versions'} in {groups.length} {groups.length === 1 ? 'model' : 'models'} affected
            {` — ${live('production')} in Production, ${live('staging')} in Staging.`}
          </p>
          {groups.map((group) => (
            <ImpactModel key={group.model} group={group} />
          ))}
        </>
      )}
    </div>
  );
}

function SnapshotLink({ href, current, label }: { href: string; current: boolean; label: string }) {
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={cx(
        'rounded-full border px-2 py-0.5 font-mono text-xs',
        current ? 'border-accent bg-indigo-50 text-accent-text dark:bg-indigo-400/10' : 'border-line-strong text-ink-muted hover:text-ink',
      )}
    >
      {label}
    </Link>
  );
}

function ImpactModel({ group }: { group: ImpactGroup }) {
  const modelHref = `/models/${encodeURIComponent(group.model)}`;
  const hidden = total(group) - group.versions.length;
  return (
    <section aria-label={group.model} data-testid="impact-model" className="rounded-lg border border-line bg-surface shadow-xs">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-4 py-3">
        <h2 className="text-sm font-semibold">
          <Link href={modelHref} className="hover:text-accent-text hover:underline">{group.model}</Link>
        </h2>
        <ul className="flex flex-wrap gap-3 text-xs text-ink-muted" aria-label="Affected versions per stage">
          {STAGES.filter((s) => group.counts[s] > 0).map((s) => (
            <li key={s} className="flex items-center gap-1.5">
              <span aria-hidden className={cx('size-2 rounded-full', STAGE_DOT[s])} />
              {group.counts[s]} {STAGE_LABELS[s]}
            </li>
          ))}
        </ul>
      </header>
      <div className="relative overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="bg-surface-muted/60">
            <tr>
              <th scope="col" className="px-4 py-2 text-left text-xs font-medium text-ink-faint">Version</th>
              <th scope="col" className="px-4 py-2 text-left text-xs font-medium text-ink-faint">Stage</th>
              <th scope="col" className="px-4 py-2 text-left text-xs font-medium text-ink-faint">Trained on</th>
              <th scope="col" className="px-4 py-2 text-left text-xs font-medium text-ink-faint">How</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {group.versions.map((v) => (
              <tr key={v.number} data-testid="impact-version" data-stage={v.stage}>
                <th scope="row" className="px-4 py-2 text-left font-normal">
                  <Link href={`${modelHref}/versions/${v.number}`} className="font-semibold text-ink hover:text-accent-text hover:underline">
                    v{v.number}
                  </Link>{' '}
                  <span className="font-mono text-xs text-ink-muted">{v.semver}</span>
                </th>
                <td className="px-4 py-2">
                  <StageBadge stage={v.stage} />
                </td>
                <td className="px-4 py-2 font-mono text-xs break-all text-ink-muted">
                  {/* Inherited versions were trained on other data; show all of it, not a snapshot of this source. */}
                  {!v.trainingDataSource ? '—' : v.via ? v.trainingDataSource : (splitDataSource(v.trainingDataSource).version ?? v.trainingDataSource)}
                </td>
                <td className="px-4 py-2 text-xs text-ink-muted">
                  {v.via ? (
                    <>
                      inherited via{' '}
                      <Link href={`/models/${encodeURIComponent(v.via.model)}/versions/${v.via.number}`} className="text-accent-text hover:underline">
                        {v.via.model !== group.model && `${v.via.model} `}v{v.via.number}
                      </Link>
                    </>
                  ) : (
                    'trained on it directly'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 && <p className="border-t border-line px-4 py-2 text-xs text-ink-muted">…and {hidden} older versions, not listed. Production and Staging are always listed.</p>}
    </section>
  );
}
