'use client';

import { ScrollText } from 'lucide-react';
import { useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useRef } from 'react';
import { useAuditEvents } from '@/lib/queries/use-audit-events';
import { LoadError, LoadMoreButton } from '@/components/board/load-states';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { AuditEventItem } from './audit-event-item';

const FILTERS = ['model', 'actor', 'action', 'from', 'to'] as const;

/**
 * The audit timeline, newest first, for the filters in the URL (and a fixed model on its history page).
 * Pages load by keyset as the end of the list scrolls into view, or with the button.
 */
export function AuditTimeline({ fixedModel }: { fixedModel?: string }) {
  const params = useSearchParams();
  const filters = useMemo(() => {
    const chosen: Record<string, string> = {};
    for (const f of FILTERS) {
      const value = params.get(f);
      if (value) chosen[f] = value;
    }
    if (fixedModel) chosen.model = fixedModel;
    return chosen;
  }, [params, fixedModel]);
  const query = useAuditEvents(filters);
  const events = query.data?.pages.flatMap((p) => p.events) ?? [];
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) {
    return (
      <div role="status" aria-busy="true" aria-label="Loading events" className="space-y-3">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError && events.length === 0) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (events.length === 0) return <EmptyState icon={ScrollText} title="No events match" description="Change or clear the filters to see more of the history." />;

  return (
    <div>
      <ol aria-label="Audit events" className="divide-y divide-line rounded-lg border border-line bg-surface px-3">
        {events.map((event) => (
          <AuditEventItem key={event.id} event={event} showModel={!fixedModel} />
        ))}
      </ol>
      <div ref={sentinel} className="mt-3">
        {query.isError && <LoadError error={query.error} onRetry={() => void query.fetchNextPage()} />}
        {hasNextPage && !query.isError && <LoadMoreButton loading={isFetchingNextPage} onClick={() => void fetchNextPage()} />}
        {!hasNextPage && <p className="py-2 text-center text-xs text-ink-faint">Beginning of the history · {events.length} {events.length === 1 ? 'event' : 'events'}</p>}
      </div>
    </div>
  );
}
