import { assertAllowed, assertCan, decisionDenial, excludedDeciders, failingGates, RegistryError, REQUEST_EVENTS, tallyDecisions, canAnywhere } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';
import { grantCanaryShare } from './internal/canary';
import { deployVersion } from './internal/deploy';
import { lockModel } from './internal/production';
import { evaluateVersionGates } from './internal/gate-context';
import { toJson } from './internal/json';
import { deciderOf, loadSeparationFacts } from './internal/separation';

export interface DecideRequestInput {
  requestId: string;
  decision: 'approve' | 'reject';
  comment?: string;
  /**
   * The Production version number the approver saw when deciding (null: none). If Production changed
   * since, the approval is refused with CONFLICT rather than promoting against a comparison nobody saw.
   * Without it, any change of Production since the request was made counts as such a change.
   */
  expectedProduction?: number | null;
}

/**
 * Records an approver's decision. A rejection closes the request. The approval that completes the count
 * re-evaluates the gates against the current Production version and, if they pass, deploys the version
 * (or, for a canary request, gives it its share of traffic) in the same transaction. Canary and Production
 * requests take this one path, so every rule about who may approve applies to both. The request row is
 * locked, so concurrent decisions queue.
 */
export async function decideRequest(actor: Actor, input: DecideRequestInput) {
  // The precise check needs the request's model; this one refuses roles that can decide nowhere.
  if (!canAnywhere(actor, 'request.decide')) assertCan(actor.role, 'request.decide');
  if (!actor.id) throw new RegistryError('FORBIDDEN', 'Only a user can decide a promotion request.');
  const approverId = actor.id;
  const decider = deciderOf({ ...actor, id: approverId });
  const comment = input.comment?.trim() ?? '';
  if (input.decision === 'reject' && comment.length < 3) throw new RegistryError('INVALID_ARGUMENT', 'Say why you reject (at least 3 characters).');

  return inTransaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "promotion_request" WHERE "id" = ${input.requestId} FOR UPDATE`;
    if (locked.length === 0) throw new RegistryError('NOT_FOUND', 'No such promotion request.');
    const request = await tx.promotionRequest.findUniqueOrThrow({
      where: { id: input.requestId },
      include: { version: { select: { id: true, number: true, stage: true } }, model: { select: { id: true, name: true } }, decisions: true },
    });
    assertAllowed(actor, 'request.decide', { model: request.model.name });
    if (request.status !== 'pending') throw new RegistryError('CONFLICT', `This request was already ${request.status}.`, { status: request.status });
    // Four eyes: not the requester, not the author (unless the policy allows it), never a service account.
    const separation = await loadSeparationFacts(tx, request.id);
    const denial = decisionDenial(decider, separation);
    if (denial) throw new RegistryError('FORBIDDEN', `${denial}.`);
    if (request.decisions.some((d) => d.approverId === approverId)) {
      throw new RegistryError('CONFLICT', 'You have already decided on this request.');
    }
    await tx.approval.create({ data: { requestId: request.id, approverId, decision: input.decision, comment, createdAt: clock.now() } });
    const auditBase = { model: request.model, version: request.version, comment: comment || null } as const;
    const events = REQUEST_EVENTS[request.kind];

    const outcome = tallyDecisions([...request.decisions, { approverId, decision: input.decision }], excludedDeciders(separation), request.requiredApprovals);
    if (outcome.state === 'rejected') {
      await tx.promotionRequest.update({ where: { id: request.id }, data: { status: 'rejected', decidedAt: clock.now() } });
      await recordAudit(tx, actor, { ...auditBase, action: events.rejected, data: { requestId: request.id } });
      return { status: 'rejected' as const, deployed: false };
    }
    if (outcome.state === 'pending') {
      await recordAudit(tx, actor, { ...auditBase, action: events.approved, data: { requestId: request.id, approvals: outcome.approvals, required: outcome.required } });
      return { status: 'pending' as const, deployed: false, approvals: outcome.approvals, required: outcome.required };
    }

    // The last approval: check the world is still the one the approver judged, then promote.
    if (request.version.stage !== 'staging') {
      throw new RegistryError('CONFLICT', `v${request.version.number} is no longer in Staging; the request cannot complete.`);
    }
    // Lock the model first: from here on we see the latest committed Production version, and any
    // competing approval for another version of this model waits for us.
    await lockModel(tx, request.model.id);
    const evaluation = await evaluateVersionGates(tx, { modelId: request.model.id, versionId: request.version.id, target: 'production' });
    const current = evaluation.baseline?.number ?? null;
    const changedSinceRequest =
      input.expectedProduction === undefined
        ? (await tx.productionPeriod.count({ where: { modelId: request.model.id, startedAt: { gt: request.createdAt } } })) > 0
        : input.expectedProduction !== current;
    if (changedSinceRequest) {
      throw new RegistryError('CONFLICT', `Production changed to ${current === null ? 'nothing' : `v${current}`} while this request was open. Review the new comparison and approve again.`, { production: current });
    }
    const failing = failingGates(evaluation.results);
    if (failing.length > 0) {
      throw new RegistryError('GATE_FAILED', `The gates no longer pass against the current Production version: ${failing.map((g) => g.detail).join(' ')}`, { gates: evaluation.results });
    }
    await recordAudit(tx, actor, { ...auditBase, action: events.approved, data: { requestId: request.id, approvals: outcome.approvals, required: outcome.required } });
    if (request.kind === 'canary') {
      await tx.promotionRequest.update({ where: { id: request.id }, data: { status: 'approved', decidedAt: clock.now(), gateResults: toJson(evaluation.results) } });
      const share = await grantCanaryShare(tx, actor, { model: request.model, version: request.version, requestId: request.id, weight: request.canaryWeight ?? 0 });
      return { status: 'approved' as const, deployed: false, canary: { version: request.version.number, ...share } };
    }
    await deployVersion(tx, actor, { model: request.model, version: request.version, comment: comment || request.comment, data: { requestId: request.id, gates: toJson(evaluation.results) } });
    await tx.promotionRequest.update({ where: { id: request.id }, data: { status: 'approved', decidedAt: clock.now(), gateResults: toJson(evaluation.results) } });
    return { status: 'approved' as const, deployed: true };
  });
}
