import Link from 'next/link';
import type { AuditEventView } from '@/lib/db/queries/audit';
import type { GateResult } from '@/lib/registry';
import { GateList, summariseAdvisories } from '@/components/governance/gate-list';
import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';
import { RelativeTime } from '@/components/ui/relative-time';
import { rendererFor } from './event-registry';

/** One line of the timeline: who, what (with its icon), where it moved, why, and when. */
export function AuditEventItem({ event, showModel }: { event: AuditEventView; showModel: boolean }) {
  const { icon: Icon, describe } = rendererFor(event.action);
  const gates = (event.data as { gates?: GateResult[] } | null)?.gates;
  const advisories = gates ? summariseAdvisories(gates) : null;
  return (
    <li data-testid="audit-event" data-action={event.action} className={cx('relative flex gap-3 py-3', event.override && 'rounded-md bg-red-50 px-2 dark:bg-red-950/40')}>
      <span
        aria-hidden
        className={cx(
          'mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full ring-1',
          event.override ? 'bg-red-100 text-red-700 ring-red-300 dark:bg-red-900/60 dark:text-red-300 dark:ring-red-800' : 'bg-surface-muted text-ink-muted ring-line',
        )}
      >
        <Icon className="size-3.5" />
      </span>
      <div className="min-w-0 flex-1 text-sm">
        <p className="text-ink">
          <span className="font-medium">{event.actor}</span> {describe(event)}
          {showModel && event.model && (
            <>
              {' '}
              in{' '}
              <Link href={`/models/${encodeURIComponent(event.model)}`} className="font-medium text-accent-text hover:underline">
                {event.model}
              </Link>
            </>
          )}
          {event.override && (
            <Badge tone="red" className="ml-2">
              override
            </Badge>
          )}
          {isRetention(event) && (
            <Badge tone="zinc" className="ml-2" data-testid="retention-badge">
              retention
            </Badge>
          )}
          {advisories && (
            <Badge tone="amber" className="ml-2" data-testid="advisory-badge">
              {advisories}
            </Badge>
          )}
        </p>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-ink-muted">
          <RelativeTime iso={event.at} />
          {event.fromStage && event.toStage && (
            <span>
              {event.fromStage} → {event.toStage}
            </span>
          )}
          <span className="font-mono text-ink-faint" title={`hash ${event.hash}`}>
            #{event.id} · {event.hash.slice(0, 10)}
          </span>
        </p>
        {event.comment && <blockquote className={cx('mt-1 border-l-2 pl-2 text-ink', event.override ? 'border-red-400' : 'border-line-strong')}>{event.comment}</blockquote>}
        {gates && gates.length > 0 && (
          <details className="mt-1 text-xs">
            <summary className="cursor-pointer text-ink-muted hover:text-ink">
              Gate results ({gates.filter((g) => g.passed).length}/{gates.length} passed{advisories ? `; ${advisories}, recorded without blocking` : ''})
            </summary>
            <GateList gates={gates} className="mt-1.5" />
          </details>
        )}
      </div>
    </li>
  );
}

/** An archive made by the policy's retention rule (lib/services/apply-retention.ts), not by a person. */
function isRetention(event: AuditEventView): boolean {
  return !!(event.data as { retention?: unknown } | null)?.retention;
}
