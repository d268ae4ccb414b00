import { assertAllowed, assertTransition, failingGates, findTransition, RegistryError, simpleMove, STAGE_LABELS, type Action, type SimpleMove, type Stage } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';
import { evaluateVersionGates } from './internal/gate-context';
import { toJson } from './internal/json';
import { findVersionOrThrow } from './internal/find-version';
import { lockModel } from './internal/production';
import { cancelPendingRequests } from './internal/pending-requests';
import { withdrawFromServing } from './internal/serving';

export type { SimpleMove };

/** The permission each move needs, for the route contracts that declare it (from the transition table). */
export function movePermission(move: SimpleMove): Action {
  return simpleMove(move).permission;
}

export interface MoveVersionInput {
  model: string;
  number: number;
  /** The stage the caller saw the version in; a mismatch means the board was stale. */
  expectedStage?: Stage;
  comment?: string;
  data?: Record<string, string | number | boolean | null>;
  /** An admin's written justification for promoting past failing gates. */
  overrideJustification?: string;
}

/**
 * Moves one version along the transition table outside Production (promote, demote, archive, restore).
 * Production changes have their own services because they need approvals or a rollback target. A version
 * leaving Staging stops serving (its canary share and the protected aliases on it go) and its pending
 * requests are cancelled, all in the same transaction: approvals given before cannot count after a restore.
 */
export async function moveVersion(actor: Actor, move: SimpleMove, input: MoveVersionInput) {
  const spec = simpleMove(move);
  assertAllowed(actor, spec.permission, { model: input.model });
  const comment = input.comment?.trim() || null;
  const override = input.overrideJustification?.trim() || null;
  if (override !== null) {
    assertAllowed(actor, 'gates.override', { model: input.model });
    if (override.length < 10) throw new RegistryError('INVALID_ARGUMENT', 'An override needs a written justification (at least 10 characters).');
  }
  if (spec.reasonRequired && (!comment || comment.length < 3)) {
    throw new RegistryError('INVALID_ARGUMENT', 'Give a reason (at least 3 characters).');
  }
  return inTransaction(async (tx) => {
    const version = await findVersionOrThrow(tx, input.model, input.number);
    if (input.expectedStage && version.stage !== input.expectedStage) {
      throw new RegistryError('CONFLICT', `Version ${version.number} is now in ${STAGE_LABELS[version.stage]}, not ${STAGE_LABELS[input.expectedStage]}. The board was out of date.`, { stage: version.stage });
    }
    if (findTransition(version.stage, spec.to)?.path === 'replacement') {
      // Production is left only by replacement (an approved request) or a rollback, which keep the
      // last stable version and the Production periods right.
      throw new RegistryError('INVALID_TRANSITION', `v${version.number} is in Production: replace it through a promotion request, or roll it back.`);
    }
    assertTransition(version.stage, spec.to, move);
    let gates = null;
    if (spec.to === 'staging') {
      gates = (await evaluateVersionGates(tx, { modelId: version.model.id, versionId: version.id, target: 'staging' })).results;
      const failing = failingGates(gates);
      if (failing.length > 0 && !override) {
        throw new RegistryError('GATE_FAILED', `${failing.length} gate(s) for Staging failed: ${failing.map((g) => g.detail).join(' ')}`, { gates });
      }
    }
    // The model row first, like every other stage change: the per-stage counters are locked after it.
    await lockModel(tx, version.model.id);
    // Conditional update: if someone moved it since we read it, nothing matches and we report a conflict.
    const updated = await tx.modelVersion.updateMany({ where: { id: version.id, stage: version.stage }, data: { stage: spec.to, stageChangedAt: clock.now() } });
    if (updated.count !== 1) throw new RegistryError('CONFLICT', 'The version moved at the same moment. Refresh and try again.');
    await recordAudit(tx, actor, {
      action: spec.audit,
      model: version.model,
      version,
      fromStage: version.stage,
      toStage: spec.to,
      comment: override ?? comment,
      override: override !== null && gates !== null && failingGates(gates).length > 0,
      data: { ...input.data, ...(gates ? { gates: toJson(gates) } : {}) },
    });
    if (version.stage === 'staging') {
      const why = `v${version.number} moved from Staging to ${STAGE_LABELS[spec.to]}`;
      await withdrawFromServing(tx, actor, { model: version.model, version, reason: why });
      await cancelPendingRequests(tx, actor, { model: version.model, version, reason: why });
    }
    return { id: version.id, number: version.number, from: version.stage, to: spec.to };
  });
}
