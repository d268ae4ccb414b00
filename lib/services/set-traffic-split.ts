import { assertAllowed, describeSplit, planSplit, servingRoutes } from '@/lib/registry';
import { validateSplit, type TrafficRoute } from '@/lib/registry/traffic';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findModelOrThrow } from './internal/find-model';
import { lockModel } from './internal/production';
import { endShares, loadServing } from './internal/serving';

/**
 * Sets how traffic is split between the Production version and its canaries, within what approvers
 * approved: each canary may serve up to its approved share (and as little as 0 %, paused); a canary left
 * out of the split ends, and a version without an approved share gets nothing. A split of [] ends every
 * canary (all traffic to Production). Weights must sum to 100.
 */
export async function setTrafficSplit(actor: Actor, input: { model: string; routes: TrafficRoute[] }) {
  assertAllowed(actor, 'traffic.manage', { model: input.model });
  if (input.routes.length > 0) validateSplit(input.routes);
  return inTransaction(async (tx) => {
    const model = await findModelOrThrow(tx, input.model);
    await lockModel(tx, model.id);
    const state = await loadServing(tx, model.id);
    if (input.routes.length === 0) {
      await endShares(tx, actor, { model, reason: 'all traffic to Production' });
      return { routes: servingRoutes(state.production?.number ?? null, []) };
    }
    const plan = planSplit(input.routes, state.production?.number ?? null, state.shares);
    const ended = state.shares.filter((s) => plan.ended.includes(s.number));
    if (ended.length > 0) await endShares(tx, actor, { model, versionIds: ended.map((s) => s.versionId), reason: 'left out of the traffic split' });
    const changed = plan.weights.filter((w) => state.shares.find((s) => s.number === w.number)?.weight !== w.weight);
    for (const w of changed) {
      await tx.canaryShare.update({ where: { versionId: state.shares.find((s) => s.number === w.number)!.versionId }, data: { weight: w.weight } });
    }
    const routes = servingRoutes(state.production?.number ?? null, plan.weights.map((w) => ({ ...w, approvedWeight: w.weight })));
    if (changed.length > 0) {
      await recordAudit(tx, actor, { action: 'traffic.updated', model, data: { summary: describeSplit(routes), routes: routes.map((r) => ({ ...r })) } });
    }
    return { routes };
  });
}
