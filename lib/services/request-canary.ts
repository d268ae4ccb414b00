import { assertAllowed, failingGates, MAX_CANARY_WEIGHT, RegistryError, STAGE_LABELS, ZCanaryWeight } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';
import { grantCanaryShare } from './internal/canary';
import { evaluateVersionGates } from './internal/gate-context';
import { findVersionOrThrow } from './internal/find-version';
import { toJson } from './internal/json';
import { lockModel } from './internal/production';
import { loadServing } from './internal/serving';

export interface RequestCanaryInput {
  model: string;
  number: number;
  /** Percent of traffic asked for, 1–50. */
  weight: number;
  comment: string;
}

/**
 * Asks for a share of traffic beside Production for a Staging version. It is the Production bar with a
 * bounded blast radius: the same permission to ask, the Production gates against the Production version
 * that serves now, the policy's approval count, decided in Approvals by someone other than the requester.
 * When the policy needs no approvals, the share applies at once.
 */
export async function requestCanary(actor: Actor, input: RequestCanaryInput) {
  assertAllowed(actor, 'version.request-production', { model: input.model });
  if (!actor.id) throw new RegistryError('FORBIDDEN', 'Only a user can request a canary.');
  const requesterId = actor.id;
  const parsed = ZCanaryWeight.safeParse(input.weight);
  if (!parsed.success) throw new RegistryError('INVALID_ARGUMENT', parsed.error.issues[0]?.message ?? 'Give the share of traffic as a whole percentage.', { weight: input.weight });
  const weight = parsed.data;
  const comment = input.comment?.trim() ?? '';
  if (comment.length < 3) throw new RegistryError('INVALID_ARGUMENT', 'Tell the approvers why (a comment of at least 3 characters).');

  return inTransaction(async (tx) => {
    const version = await findVersionOrThrow(tx, input.model, input.number);
    await lockModel(tx, version.model.id);
    if (version.stage !== 'staging') {
      throw new RegistryError('INVALID_TRANSITION', `Only Staging versions can receive a canary share; v${version.number} is in ${STAGE_LABELS[version.stage]}.`);
    }
    const pending = await tx.promotionRequest.findFirst({ where: { versionId: version.id, status: 'pending' }, select: { id: true } });
    if (pending) throw new RegistryError('CONFLICT', `v${version.number} already has a pending request.`, { requestId: pending.id });
    const serving = await loadServing(tx, version.model.id);
    if (!serving.production) throw new RegistryError('INVALID_TRANSITION', `${version.model.name} has no Production version to share traffic with: request Production instead.`);
    const others = serving.shares.filter((s) => s.versionId !== version.id).reduce((sum, s) => sum + s.weight, 0);
    if (others + weight > MAX_CANARY_WEIGHT) {
      throw new RegistryError('INVALID_ARGUMENT', `Other canaries already take ${others} %: at most ${MAX_CANARY_WEIGHT - others} % is left for v${version.number}.`);
    }
    const evaluation = await evaluateVersionGates(tx, { modelId: version.model.id, versionId: version.id, target: 'production' });
    const failing = failingGates(evaluation.results);
    if (failing.length > 0) {
      throw new RegistryError('GATE_FAILED', `A canary must pass the Production gates; ${failing.length} failed: ${failing.map((g) => g.detail).join(' ')}`, { gates: evaluation.results });
    }
    const request = await tx.promotionRequest.create({
      data: {
        modelId: version.model.id,
        versionId: version.id,
        kind: 'canary',
        canaryWeight: weight,
        requestedById: requesterId,
        comment,
        gateResults: toJson(evaluation.results),
        requiredApprovals: evaluation.requiredApprovals,
        createdAt: clock.now(),
      },
    });
    await recordAudit(tx, actor, {
      action: 'canary.requested',
      model: version.model,
      version,
      comment,
      data: { requestId: request.id, weight, requiredApprovals: evaluation.requiredApprovals, baselineVersion: serving.production.number, gates: toJson(evaluation.results) },
    });
    if (evaluation.requiredApprovals === 0) {
      await tx.promotionRequest.update({ where: { id: request.id }, data: { status: 'approved', decidedAt: clock.now() } });
      await grantCanaryShare(tx, actor, { model: version.model, version, requestId: request.id, weight });
      return { request: { ...request, status: 'approved' as const }, applied: true };
    }
    return { request, applied: false };
  });
}
