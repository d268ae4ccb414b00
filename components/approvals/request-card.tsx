import Link from 'next/link';
import type { PendingRequestView } from '@/lib/db/queries/requests';
import { formatMetric } from '@/lib/registry';
import { GateList, summariseAdvisories } from '@/components/governance/gate-list';
import type { Viewer } from '@/components/governance/version-actions';
import { RelativeTime } from '@/components/ui/relative-time';
import { cx } from '@/components/ui/cx';
import { ThreadDisclosure } from '@/components/discussion/thread-disclosure';
import { RequestDecision } from './request-decision';

/** One pending request: who asks for what and why, how it compares with Production, and the decision. */
export function RequestCard({ request, viewer }: { request: PendingRequestView; viewer: Viewer }) {
  const versionHref = `/models/${encodeURIComponent(request.model)}/versions/${request.version.number}`;
  return (
    <article data-testid="promotion-request" data-kind={request.kind} className="rounded-lg border border-line bg-surface p-4 shadow-xs">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold">
          <Link href={`/models/${encodeURIComponent(request.model)}`} className="hover:text-accent-text">
            {request.model}
          </Link>{' '}
          <Link href={versionHref} className="text-accent-text hover:underline">
            v{request.version.number}
          </Link>{' '}
          <span className="font-mono text-xs font-normal text-ink-muted">{request.version.semver}</span>
          {request.kind === 'canary' ? (
            <span className="ml-2 text-sm font-normal text-ink-muted">
              → <span className="font-medium text-sky-700 dark:text-sky-300">canary, {request.canaryWeight}% of traffic</span>
              {request.production ? ` beside Production v${request.production.number}` : ''}
            </span>
          ) : (
            <span className="ml-2 text-sm font-normal text-ink-muted">→ Production{request.production ? `, replacing v${request.production.number}` : ''}</span>
          )}
        </h3>
        <p className="text-xs text-ink-muted">
          requested by <span className="font-medium text-ink">{request.requester.name}</span> <RelativeTime iso={request.createdAt} />
        </p>
      </header>
      <blockquote className="mt-2 border-l-2 border-line-strong pl-3 text-sm text-ink">{request.comment}</blockquote>

      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <section aria-label="Gates">
          <h4 className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-muted">Gates now</h4>
          <GateList gates={request.gates} />
          {summariseAdvisories(request.gates) && (
            <p className="mt-2 text-xs text-amber-800 dark:text-amber-300" data-testid="advisory-note">
              {summariseAdvisories(request.gates)}. Advisory gates inform the decision; they do not block it.
            </p>
          )}
        </section>
        <section aria-label="Comparison with Production">
          <h4 className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-muted">vs Production {request.production ? `v${request.production.number}` : '(none yet)'}</h4>
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-ink-muted">
              <tr>
                <th className="py-1 font-medium">Metric</th>
                <th className="py-1 text-right font-medium">v{request.version.number}</th>
                <th className="py-1 text-right font-medium">Production</th>
              </tr>
            </thead>
            <tbody>
              {request.comparison.map((row) => (
                <tr key={row.key} className="border-t border-line">
                  <td className="py-1">
                    {row.key} <span className="text-xs text-ink-faint">({row.direction === 'higher' ? '↑ better' : '↓ better'})</span>
                  </td>
                  <td className={cx('py-1 text-right font-mono tabular-nums', row.better === true && 'text-emerald-700 dark:text-emerald-400', row.better === false && 'text-red-700 dark:text-red-400')}>
                    {formatMetric(row.candidate)}
                  </td>
                  <td className="py-1 text-right font-mono tabular-nums text-ink-muted">{formatMetric(row.production)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <footer className="mt-4 flex flex-wrap items-center justify-between gap-2 border-t border-line pt-3">
        <p className="text-xs text-ink-muted">
          {request.approvals.length}/{request.requiredApprovals} approvals
          {request.approvals.length > 0 && `: ${request.approvals.map((a) => a.name).join(', ')}`}
        </p>
        <RequestDecision request={request} viewer={viewer} />
      </footer>
      <ThreadDisclosure model={request.model} number={request.version.number} viewer={viewer} />
    </article>
  );
}
