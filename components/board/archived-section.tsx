'use client';

import { ChevronRight } from 'lucide-react';
import { useId, useState } from 'react';
import { useStageVersions } from '@/lib/queries/use-stage-versions';
import type { CardContext } from './card-context';
import { LoadError, LoadMoreButton } from './load-states';
import { VersionCard } from './version-card';
import { VersionCardSkeleton } from './version-card-skeleton';
import { SelectColumnButton } from './version-select';

const GRID = 'grid gap-2 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4';

/**
 * Archived versions, collapsed under the board. A model can have thousands, so nothing is fetched until
 * the section is opened, and then only a page at a time.
 */
export function ArchivedSection({ context, count }: { context: CardContext; count: number }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const query = useStageVersions({ model: context.modelName, stage: 'archived', startBefore: null, enabled: open && count > 0 });
  const versions = query.data?.pages.flatMap((page) => page.versions) ?? [];

  return (
    <section aria-label="Archived" className="rounded-xl border border-line bg-surface-muted/50">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex w-full items-center gap-2 rounded-xl px-4 py-3 text-left text-sm font-semibold text-ink hover:bg-surface-muted"
      >
        <ChevronRight aria-hidden className={`size-4 text-ink-faint transition-transform ${open ? 'rotate-90' : ''}`} />
        <span aria-hidden className="size-2 rounded-full bg-zinc-400" />
        Archived ({count})
      </button>
      {open && (
        <div id={panelId} className="space-y-3 border-t border-line p-3">
          {versions.length > 0 && (
            <div className="flex justify-end empty:hidden">
              <SelectColumnButton stage="archived" />
            </div>
          )}
          {count === 0 && <p className="py-4 text-center text-sm text-ink-faint">Nothing archived</p>}
          {query.isPending && count > 0 && !query.isError && (
            <div className={GRID} role="status" aria-busy="true" aria-label="Loading archived versions">
              {Array.from({ length: Math.min(count, 4) }, (_, i) => (
                <VersionCardSkeleton key={i} />
              ))}
            </div>
          )}
          {versions.length > 0 && (
            <ul className={GRID}>
              {versions.map((version) => (
                <li key={version.id}>
                  <VersionCard version={version} context={context} />
                </li>
              ))}
            </ul>
          )}
          {query.isError && <LoadError error={query.error} onRetry={() => void (query.data ? query.fetchNextPage() : query.refetch())} />}
          {query.hasNextPage && !query.isError && <LoadMoreButton loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} />}
        </div>
      )}
    </section>
  );
}
