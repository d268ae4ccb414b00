import type { Tx } from '@/lib/db/prisma';
import { describeSplit, MAX_CANARY_WEIGHT, RegistryError, servingRoutes } from '@/lib/registry';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { loadServing } from './serving';

/**
 * Applies an approved canary request: the version serves `weight` % of traffic beside the Production
 * version it was judged against. Runs in the transaction that completed the approvals (the request is
 * already marked approved: the database checks the approvals when the share is written).
 */
export async function grantCanaryShare(
  tx: Tx,
  actor: Actor,
  args: { model: { id: string; name: string }; version: { id: string; number: number }; requestId: string; weight: number },
): Promise<{ weight: number; approvedBy: string[] }> {
  const state = await loadServing(tx, args.model.id);
  if (!state.production) throw new RegistryError('INVALID_TRANSITION', `${args.model.name} has no Production version to share traffic with.`);
  const others = state.shares.filter((s) => s.versionId !== args.version.id);
  const total = others.reduce((sum, s) => sum + s.weight, 0) + args.weight;
  if (total > MAX_CANARY_WEIGHT) {
    throw new RegistryError('GATE_FAILED', `Canary shares would add up to ${total} %; Production keeps at least ${100 - MAX_CANARY_WEIGHT} %. Lower or end another canary first.`, { total });
  }
  // A larger (or smaller) share for a version that already has one replaces it.
  await tx.canaryShare.deleteMany({ where: { versionId: args.version.id } });
  await tx.canaryShare.create({
    data: { versionId: args.version.id, modelId: args.model.id, requestId: args.requestId, approvedWeight: args.weight, weight: args.weight, baselineVersionId: state.production.id },
  });
  const approvals = await tx.approval.findMany({
    where: { requestId: args.requestId, decision: 'approve' },
    orderBy: { createdAt: 'asc' },
    select: { approver: { select: { name: true, email: true } } },
  });
  const approvedBy = approvals.map((a) => a.approver.name || a.approver.email);
  const routes = servingRoutes(state.production.number, [...others, { number: args.version.number, weight: args.weight, approvedWeight: args.weight }]);
  await recordAudit(tx, actor, {
    action: 'traffic.updated',
    model: args.model,
    version: args.version,
    data: { summary: describeSplit(routes), routes: routes.map((r) => ({ ...r })), canary: args.version.number, weight: args.weight, requestId: args.requestId, approvedBy },
  });
  return { weight: args.weight, approvedBy };
}
