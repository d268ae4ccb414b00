'use client';

import { useState } from 'react';
import type { Stage } from '@/lib/registry/stages';
import { useStageVersions } from '@/lib/queries/use-stage-versions';
import type { CardContext } from './card-context';
import { LoadError, LoadMoreButton } from './load-states';
import { VersionCard } from './version-card';

interface MoreVersionsProps {
  context: CardContext;
  stage: Stage;
  /** The server-rendered page's `nextBefore`: older versions start below this number. */
  startBefore: number;
}

/** "Load more" under a column: fetches older versions of the stage a page at a time, only when asked. */
export function MoreVersions({ context, stage, startBefore }: MoreVersionsProps) {
  const [requested, setRequested] = useState(false);
  const query = useStageVersions({ model: context.modelName, stage, startBefore, enabled: requested });
  const versions = query.data?.pages.flatMap((page) => page.versions) ?? [];
  const loading = query.isFetching;
  const showButton = !query.isError && (!requested || query.isPending || query.hasNextPage);

  return (
    <>
      {versions.length > 0 && (
        <ul className="mt-2 space-y-2">
          {versions.map((version) => (
            <li key={version.id}>
              <VersionCard version={version} context={context} />
            </li>
          ))}
        </ul>
      )}
      <p className="sr-only" aria-live="polite">
        {versions.length > 0 ? `${versions.length} older versions loaded` : ''}
      </p>
      {query.isError && (
        <div className="mt-2">
          <LoadError error={query.error} onRetry={() => void (query.data ? query.fetchNextPage() : query.refetch())} />
        </div>
      )}
      {showButton && (
        <div className="mt-2">
          <LoadMoreButton loading={loading} onClick={() => (requested ? void query.fetchNextPage() : setRequested(true))} />
        </div>
      )}
    </>
  );
}
