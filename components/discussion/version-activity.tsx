import Link from 'next/link';
import { History } from 'lucide-react';
import type { AuditEventView } from '@/lib/db/queries/audit';
import { AuditEventItem } from '@/components/audit/audit-event-item';
import { EmptyState } from '@/components/ui/empty-state';

/** The version's own audit events beside its discussion: who moved it, when and why. */
export function VersionActivity({ model, number, events }: { model: string; number: number; events: readonly AuditEventView[] }) {
  return (
    <section aria-labelledby="activity-title" className="space-y-2" data-testid="version-activity">
      <h2 id="activity-title" className="flex items-center gap-2 text-base font-semibold">
        <History aria-hidden className="size-4 text-ink-muted" /> Activity
      </h2>
      {events.length === 0 ? (
        <EmptyState title="No activity yet" />
      ) : (
        <ol className="divide-y divide-line rounded-lg border border-line bg-surface px-3">
          {events.map((event) => (
            <AuditEventItem key={event.id} event={event} showModel={false} />
          ))}
        </ol>
      )}
      <p className="text-xs text-ink-muted">
        <Link href={`/audit?model=${encodeURIComponent(model)}`} className="text-accent-text underline underline-offset-2">
          The model&apos;s full audit timeline
        </Link>{' '}
        holds every event of v{number} and its neighbours, with their hash chain.
      </p>
    </section>
  );
}
