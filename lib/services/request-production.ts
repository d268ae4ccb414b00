import { assertAllowed, failingGates, RegistryError, STAGE_LABELS } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';
import { deployVersion } from './internal/deploy';
import { lockModel } from './internal/production';
import { evaluateVersionGates } from './internal/gate-context';
import { toJson } from './internal/json';
import { findVersionOrThrow } from './internal/find-version';

export interface RequestProductionInput {
  model: string;
  number: number;
  comment: string;
}

/**
 * Opens a promotion request for a Staging version. The gates are evaluated now and snapshotted on the
 * request; failing gates refuse the request (nothing is created). When the policy requires no approvals
 * the version is deployed at once, in the same transaction.
 */
export async function requestProduction(actor: Actor, input: RequestProductionInput) {
  assertAllowed(actor, 'version.request-production', { model: input.model });
  if (!actor.id) throw new RegistryError('FORBIDDEN', 'Only a user can request a promotion.');
  const requesterId = actor.id;
  const comment = input.comment?.trim() ?? '';
  if (comment.length < 3) throw new RegistryError('INVALID_ARGUMENT', 'Tell the approvers why (a comment of at least 3 characters).');

  return inTransaction(async (tx) => {
    const version = await findVersionOrThrow(tx, input.model, input.number);
    if (version.stage !== 'staging') {
      throw new RegistryError('INVALID_TRANSITION', `Only Staging versions can be requested for Production; v${version.number} is in ${STAGE_LABELS[version.stage]}.`);
    }
    const pending = await tx.promotionRequest.findFirst({ where: { versionId: version.id, status: 'pending' }, select: { id: true } });
    if (pending) throw new RegistryError('CONFLICT', `v${version.number} already has a pending promotion request.`, { requestId: pending.id });

    const evaluation = await evaluateVersionGates(tx, { modelId: version.model.id, versionId: version.id, target: 'production' });
    const failing = failingGates(evaluation.results);
    if (failing.length > 0) {
      throw new RegistryError('GATE_FAILED', `${failing.length} gate(s) for Production failed: ${failing.map((g) => g.detail).join(' ')}`, { gates: evaluation.results });
    }
    const request = await tx.promotionRequest.create({
      data: {
        modelId: version.model.id,
        versionId: version.id,
        requestedById: requesterId,
        // Kept for the four-eyes rule: whoever created a service account's token counts as a requester.
        requestedViaTokenId: actor.token?.id ?? null,
        comment,
        gateResults: toJson(evaluation.results),
        requiredApprovals: evaluation.requiredApprovals,
        createdAt: clock.now(),
      },
    });
    await recordAudit(tx, actor, {
      action: 'promotion.requested',
      model: version.model,
      version,
      fromStage: 'staging',
      toStage: 'production',
      comment,
      data: { requestId: request.id, requiredApprovals: evaluation.requiredApprovals, baselineVersion: evaluation.baseline?.number ?? null, gates: toJson(evaluation.results) },
    });
    if (evaluation.requiredApprovals === 0) {
      await lockModel(tx, version.model.id);
      await deployVersion(tx, actor, { model: version.model, version, comment, data: { requestId: request.id } });
      await tx.promotionRequest.update({ where: { id: request.id }, data: { status: 'approved', decidedAt: clock.now() } });
      return { request: { ...request, status: 'approved' as const }, deployed: true };
    }
    return { request, deployed: false };
  });
}
