import Link from 'next/link';
import { GitCompareArrows } from 'lucide-react';
import { formatMetric } from '@/lib/registry/numbers';
import { compareHref } from '@/lib/registry/compare-href';
import type { VersionCardData } from '@/lib/db/queries/board';
import { FailedBadge, failedReason } from '@/components/registry/failed-badge';
import { MetricDelta } from '@/components/registry/metric-delta';
import { cx } from '@/components/ui/cx';
import { RelativeTime } from '@/components/ui/relative-time';
import { VersionActions } from '@/components/governance/version-actions';
import type { CardContext } from './card-context';
import { CompareCheckbox } from './compare-selection';
import { CARD } from './version-card-skeleton';
import { VersionLabels } from './version-labels';
import { useVersionSelect, VersionSelectCheckbox } from './version-select';

/** One version on the board: identity, how it scores against Production, and where it came from. */
export function VersionCard({ version, context }: { version: VersionCardData; context: CardContext }) {
  const failed = failedReason(version.tags);
  const { primaryMetric, production } = context;
  const isProduction = version.stage === 'production';
  // In "Select versions" mode the card's box selects it for a bulk action instead of for comparison.
  const selecting = useVersionSelect()?.active ?? false;
  const compareWithProduction = !isProduction && production && (
    <Link
      href={compareHref(context.modelName, [production.number, version.number])}
      className="relative z-10 ml-auto inline-flex items-center gap-1 rounded text-xs text-ink-muted hover:text-accent-text hover:underline"
    >
      <GitCompareArrows aria-hidden className="size-3.5" />
      Compare with Production
    </Link>
  );
  return (
    <article
      data-testid="version-card"
      data-stage={version.stage}
      className={cx(
        CARD,
        'transition-[border-color,box-shadow] hover:border-line-strong hover:shadow-sm',
        isProduction ? 'border-emerald-300 dark:border-emerald-800' : 'border-line',
      )}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="min-w-0 text-sm">
          {/* Stretched over the card so all of it is clickable, while the link's name stays short. */}
          <Link
            href={`/models/${encodeURIComponent(context.modelName)}/versions/${version.number}`}
            className="font-semibold text-ink after:absolute after:inset-0 after:rounded-lg hover:text-accent-text focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-accent"
          >
            v{version.number} <span className="ml-1 font-mono text-xs font-normal text-ink-muted">{version.semver}</span>
          </Link>
        </h3>
        <div className="flex shrink-0 items-center gap-2">
          {failed !== null && <FailedBadge reason={failed} className="relative z-10" />}
          <VersionSelectCheckbox number={version.number} stage={version.stage} />
          {!selecting && <CompareCheckbox number={version.number} />}
        </div>
      </div>

      {primaryMetric && (
        <p className="mt-2 flex flex-wrap items-baseline gap-x-2">
          <span className="text-xs text-ink-muted">{primaryMetric.key}</span>
          <span className="font-mono text-base font-semibold text-ink tabular-nums">{formatMetric(version.primaryMetric)}</span>
          {!isProduction && production && (
            <MetricDelta
              value={version.primaryMetric}
              baseline={production.value}
              direction={primaryMetric.direction}
              baselineLabel={`Production v${production.number}`}
            />
          )}
          {compareWithProduction}
        </p>
      )}
      {!primaryMetric && compareWithProduction && <p className="mt-2 flex">{compareWithProduction}</p>}

      <p className="mt-1.5 flex items-baseline gap-2 text-xs text-ink-muted">
        <span className="min-w-0 truncate">
          <span title="Data version">
            data <span className="font-mono text-ink">{version.dataVersion}</span>
          </span>
          {' · '}
          {version.author ?? 'unknown author'}
        </span>
        <RelativeTime iso={version.createdAt} className="ml-auto shrink-0 whitespace-nowrap" />
      </p>

      <VersionLabels tags={version.tags} aliases={version.aliases} className="mt-2" />
      {version.stage !== 'production' && (
        <VersionActions model={context.modelName} version={version} viewer={context.viewer} productionNumber={context.production?.number ?? null} />
      )}
    </article>
  );
}
