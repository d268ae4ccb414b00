import { assertAllowed, assertCan, decisionDenial, excludedDeciders, failingGates, RegistryError, REQUEST_EVENTS, tallyDecisions, canAnywhere, type Stage } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Tx } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';
import { grantCanaryShare } from './internal/canary';
import { deployVersion } from './internal/deploy';
import { lockModelAndEvaluateGates } from './internal/gate-context';
import { toJson } from './internal/json';
import { deciderOf, requestSeparationFacts, type RequestSeparationRow } from './internal/separation';

interface LockedRequest {
  id: string;
  kind: 'production' | 'canary';
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  comment: string;
  requiredApprovals: number;
  canaryWeight: number | null;
  version: { id: string; number: number; stage: Stage };
  model: { id: string; name: string };
  decisions: { approverId: string; decision: 'approve' | 'reject' }[];
  separation: RequestSeparationRow;
}

/**
 * Locks the request, then reads it with its version, model, decisions and who stands behind it: one round
 * trip (`modelgate_lock_request`). Read after the lock, so it includes every decision committed before.
 */
async function lockRequest(tx: Tx, requestId: string): Promise<LockedRequest> {
  const [row] = await tx.$queryRaw<{ request: LockedRequest | null }[]>`SELECT "modelgate_lock_request"(${requestId}) AS "request"`;
  if (!row?.request) throw new RegistryError('NOT_FOUND', 'No such promotion request.');
  return row.request;
}

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
    const request = await lockRequest(tx, input.requestId);
    assertAllowed(actor, 'request.decide', { model: request.model.name });
    if (request.status !== 'pending') throw new RegistryError('CONFLICT', `This request was already ${request.status}.`, { status: request.status });
    // Four eyes: not the requester, not the author (unless the policy allows it), never a service account.
    const separation = requestSeparationFacts(request.separation);
    const denial = decisionDenial(decider, separation);
    if (denial) throw new RegistryError('FORBIDDEN', `${denial}.`);
    if (request.decisions.some((d) => d.approverId === approverId)) {
      throw new RegistryError('CONFLICT', 'You have already decided on this request.');
    }
    // The decision is written in the same statement as the audit event that records it.
    const decision = Prisma.sql`"decision_row" AS (
      INSERT INTO "approval" ("id", "request_id", "approver_id", "decision", "comment", "created_at")
      VALUES ("modelgate_time_ordered_id"(), ${request.id}, ${approverId}, ${input.decision}::"Decision", ${comment}, ${clock.now()}) RETURNING 1)`;
    const closeRequest = (status: 'approved' | 'rejected', gateResults?: Prisma.InputJsonValue) => Prisma.sql`"request_row" AS (
      UPDATE "promotion_request" SET "status" = ${status}::"RequestStatus", "decided_at" = ${clock.now()}${gateResults === undefined ? Prisma.empty : Prisma.sql`, "gate_results" = ${JSON.stringify(gateResults)}::jsonb`}
      WHERE "id" = ${request.id} RETURNING 1)`;
    const auditBase = { model: request.model, version: request.version, comment: comment || null } as const;
    const events = REQUEST_EVENTS[request.kind];

    const outcome = tallyDecisions([...request.decisions, { approverId, decision: input.decision }], excludedDeciders(separation), request.requiredApprovals);
    if (outcome.state === 'rejected') {
      await recordAudit(tx, actor, { ...auditBase, action: events.rejected, data: { requestId: request.id } }, { alongside: [decision, closeRequest('rejected')] });
      return { status: 'rejected' as const, deployed: false };
    }
    if (outcome.state === 'pending') {
      await recordAudit(tx, actor, { ...auditBase, action: events.approved, data: { requestId: request.id, approvals: outcome.approvals, required: outcome.required } }, { alongside: [decision] });
      return { status: 'pending' as const, deployed: false, approvals: outcome.approvals, required: outcome.required };
    }

    // The last approval: check the world is still the one the approver judged, then promote.
    if (request.version.stage !== 'staging') {
      throw new RegistryError('CONFLICT', `v${request.version.number} is no longer in Staging; the request cannot complete.`);
    }
    // Lock the model first: from here on we see the latest committed Production version, and any
    // competing approval for another version of this model waits for us.
    const { evaluation, productionChangesSince } = await lockModelAndEvaluateGates(tx, {
      modelId: request.model.id,
      versionId: request.version.id,
      target: 'production',
      sinceRequest: input.expectedProduction === undefined ? request.id : undefined,
    });
    const current = evaluation.baseline?.number ?? null;
    const changedSinceRequest = input.expectedProduction === undefined ? (productionChangesSince ?? 0) > 0 : input.expectedProduction !== current;
    if (changedSinceRequest) {
      throw new RegistryError('CONFLICT', `Production changed to ${current === null ? 'nothing' : `v${current}`} while this request was open. Review the new comparison and approve again.`, { production: current });
    }
    const failing = failingGates(evaluation.results);
    if (failing.length > 0) {
      throw new RegistryError('GATE_FAILED', `The gates no longer pass against the current Production version: ${failing.map((g) => g.detail).join(' ')}`, { gates: evaluation.results });
    }
    await recordAudit(tx, actor, { ...auditBase, action: events.approved, data: { requestId: request.id, approvals: outcome.approvals, required: outcome.required } }, { alongside: [decision] });
    const gateResults = toJson(evaluation.results);
    if (request.kind === 'canary') {
      await tx.$executeRaw`WITH ${closeRequest('approved', gateResults)} SELECT 1`;
      const share = await grantCanaryShare(tx, actor, { model: request.model, version: request.version, requestId: request.id, weight: request.canaryWeight ?? 0 });
      return { status: 'approved' as const, deployed: false, canary: { version: request.version.number, ...share } };
    }
    await deployVersion(tx, actor, {
      model: request.model,
      version: request.version,
      comment: comment || request.comment,
      data: { requestId: request.id, gates: gateResults },
      alongside: [closeRequest('approved', gateResults)],
    });
    return { status: 'approved' as const, deployed: true };
  });
}
