'use client';

import { useState } from 'react';
import { SlidersHorizontal } from 'lucide-react';
import { denialReason } from '@/lib/registry/permissions';
import { roleOn } from '@/lib/registry/access';
import type { BoardData } from '@/lib/db/queries/board';
import { useSetTraffic } from '@/lib/queries/use-serving';
import { ActionButton } from '@/components/governance/action-button';
import { LazyActionDialog } from '@/components/governance/lazy-action-dialog';
import type { Viewer } from '@/components/governance/version-actions';
import { RelativeTime } from '@/components/ui/relative-time';

type Traffic = NonNullable<BoardData['traffic']>;

/**
 * Who receives traffic and on whose word: the Production version's share, then each canary with what it
 * serves, what approvers approved and who they were. Approvers may end a canary (its traffic returns to
 * Production); a larger share needs a new request.
 */
export function TrafficPanel({ model, traffic, viewer }: { model: string; traffic: Traffic; viewer: Viewer }) {
  const [ending, setEnding] = useState<number | null>(null);
  const setTraffic = useSetTraffic(model);
  const production = traffic.routes[0];
  // The role on this model, as the server decides (a per-model grant counts).
  const role = roleOn(viewer, model);
  const reason = denialReason(role, 'traffic.manage');
  const endCanary = (number: number) => {
    const routes = traffic.routes.filter((r) => r.number !== number);
    const rest = 100 - routes.slice(1).reduce((sum, r) => sum + r.weight, 0);
    setTraffic.mutate({ routes: routes.map((r, i) => ({ version: r.number, weight: i === 0 ? rest : r.weight })), ended: number });
  };
  return (
    <section aria-label="Traffic" data-testid="traffic-panel" className="rounded-lg border border-sky-200 bg-sky-50/60 p-4 dark:border-sky-900 dark:bg-sky-950/30">
      <h2 className="flex items-center gap-2 text-sm font-semibold text-ink">
        <SlidersHorizontal aria-hidden className="size-4 text-sky-700 dark:text-sky-300" /> Traffic
      </h2>
      <ul className="mt-3 space-y-2 text-sm">
        {production && (
          <li className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-mono font-semibold tabular-nums">{production.weight}%</span>
            <span>v{production.number}</span>
            <span className="text-ink-muted">Production</span>
          </li>
        )}
        {traffic.canaries.map((c) => (
          <li key={c.number} data-testid="canary-share-row" className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-mono font-semibold tabular-nums">{c.weight}%</span>
            <span>v{c.number}</span>
            <span className="text-ink-muted">
              canary, approved for {c.approvedWeight}% by{' '}
              <span className="font-medium text-ink" data-testid="canary-approvers">
                {c.approvedBy.length > 0 ? c.approvedBy.map((a) => a.name).join(', ') : 'nobody (the policy needs no approval)'}
              </span>{' '}
              <RelativeTime iso={c.grantedAt} /> · requested by {c.requestedBy}
            </span>
            {role !== null && role !== 'viewer' && (
              <span className="ml-auto">
                <ActionButton label="End canary" variant="ghost" disabledReason={reason} pending={setTraffic.isPending} onClick={() => setEnding(c.number)} />
              </span>
            )}
          </li>
        ))}
      </ul>
      {ending !== null && (
        <LazyActionDialog
          open
          onClose={() => setEnding(null)}
          title={`End the canary v${ending}`}
          description={`v${ending} stops receiving traffic at once; Production takes its share. Serving it again needs a new approved request.`}
          confirmLabel="End canary"
          danger
          onConfirm={() => endCanary(ending)}
        />
      )}
    </section>
  );
}
