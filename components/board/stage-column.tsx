import type { ReactNode } from 'react';
import { STAGE_LABELS } from '@/lib/registry/stages';
import type { StagePage } from '@/lib/db/queries/board';
import type { CardContext } from './card-context';
import { COLUMN, ColumnHeading, type BoardStage } from './column-heading';
import { MoreVersions } from './more-versions';
import { VersionCard } from './version-card';
import { SelectColumnButton } from './version-select';

const EMPTY_TEXT: Record<BoardStage, string> = {
  testing: 'Nothing in Testing',
  staging: 'Nothing in Staging',
  production: 'No version in Production yet',
};

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
