import type { ReactNode } from 'react';
import { STAGE_LABELS } from '@/lib/registry/stages';
import type { StagePage } from '@/lib/db/queries/board';
import { STAGE_DOT } from '@/components/registry/stage-style';
import { Skeleton } from '@/components/ui/skeleton';
import type { CardContext } from './card-context';
import { MoreVersions } from './more-versions';
import { VersionCard } from './version-card';
import { SelectColumnButton } from './version-select';

type BoardStage = 'testing' | 'staging' | 'production';

const EMPTY_TEXT: Record<BoardStage, string> = {
  testing: 'Nothing in Testing',
  staging: 'Nothing in Staging',
  production: 'No version in Production yet',
};

const COLUMN = 'flex min-w-0 flex-col rounded-xl border border-line bg-surface-muted/50 p-3';

function ColumnHeading({ stage, count, actions }: { stage: BoardStage; count: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex min-h-8 items-center gap-2 px-1">
      <h2 className="flex items-center gap-2 text-sm font-semibold text-ink">
        <span aria-hidden className={`size-2 rounded-full ${STAGE_DOT[stage]}`} />
        {STAGE_LABELS[stage]}
      </h2>
      <span className="ml-auto rounded-full bg-surface px-2 py-0.5 text-xs font-medium text-ink-muted tabular-nums ring-1 ring-line">{count}</span>
      {actions}
    </div>
  );
}

/** One board column: the newest versions of a stage, server-rendered, then "Load more" for older ones. */
export function StageColumn({ stage, page, count, context, actions }: { stage: BoardStage; page: StagePage; count: number; context: CardContext; actions?: ReactNode }) {
  return (
    <section aria-label={STAGE_LABELS[stage]} className={COLUMN}>
      <ColumnHeading
        stage={stage}
        count={count}
        actions={
          <>
            <SelectColumnButton stage={stage} />
            {actions}
          </>
        }
      />
      {page.versions.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-line-strong px-3 py-6 text-center text-sm text-ink-faint">{EMPTY_TEXT[stage]}</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {page.versions.map((version) => (
            <li key={version.id}>
              <VersionCard version={version} context={context} />
            </li>
          ))}
        </ul>
      )}
      {page.nextBefore !== null && <MoreVersions context={context} stage={stage} startBefore={page.nextBefore} />}
    </section>
  );
}

StageColumn.Skeleton = function StageColumnSkeleton({ stage, cards }: { stage: BoardStage; cards: number }) {
  return (
    <div className={COLUMN}>
      <ColumnHeading stage={stage} count={<Skeleton className="h-3 w-3" />} />
      <div className="mt-3 space-y-2">
        {Array.from({ length: cards }, (_, i) => (
          <VersionCard.Skeleton key={i} />
        ))}
      </div>
    </div>
  );
};
