import 'server-only';
import { findTransition, isRegistryError, isSimpleMove, RegistryError, STAGE_LABELS, type Stage } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { moveVersion } from '@/lib/services/move-version';
import { requestProduction } from '@/lib/services/request-production';
import { db } from '@/lib/db/prisma';
import { MlflowError } from './errors';
import { assertCanRead, loadVersion } from './queries/records';
import { fromMlflowStage, type MlflowStage } from './stages';

export interface TransitionRequest {
  model: string;
  number: number;
  stage: MlflowStage;
  archiveExistingVersions: boolean;
  /** Where people open the approvals inbox, for the message naming a promotion request. */
  approvalsUrl: string;
}

const reason = (stage: MlflowStage) => `transition-stage to ${stage} through the MLflow API`;

/**
 * MLflow's transition-stage on Modelgate's governed transitions. Moves outside Production happen at
 * once (the Staging gates still apply). Staging → Production opens a promotion request: when the policy
 * needs no approvals it deploys at once; otherwise the answer is PERMISSION_DENIED naming the request,
 * since nobody approves their own. Production is left only by replacement or rollback, never archived.
 */
export async function transitionStage(actor: Actor, request: TransitionRequest): Promise<void> {
  assertCanRead(actor, request.model);
  const target = fromMlflowStage(request.stage);
  if (request.archiveExistingVersions && target !== 'staging' && target !== 'production') {
    throw new MlflowError('INVALID_PARAMETER_VALUE', `Model version transition cannot archive existing model versions because '${request.stage}' is not an Active stage. Valid stages are ['Staging', 'Production']`);
  }
  const { stage: current } = await loadVersion(request.model, request.number);
  const input = { model: request.model, number: request.number, expectedStage: current, comment: reason(request.stage) };

  // The transition table decides (lib/registry/stages.ts): simple moves happen at once, Production is
  // entered through a promotion request, and a rollback or a replacement is never a transition-stage.
  const transition = current === target ? undefined : findTransition(current, target);
  if (current === target) {
    // Already there: MLflow answers with the version unchanged.
  } else if (transition?.path === 'request') {
    await requestDeployment(actor, request);
  } else if (transition?.path === 'move' && isSimpleMove(transition.kind)) {
    await moveVersion(actor, transition.kind, input);
  } else {
    throw new MlflowError('INVALID_PARAMETER_VALUE', refusal(current, target));
  }
  // Production's previous holder is always archived by the swap (one Production version per model).
  if (request.archiveExistingVersions && target === 'staging') await archiveOtherStaging(actor, request);
}

function refusal(from: Stage, to: Stage): string {
  const base = `A version in ${STAGE_LABELS[from]} cannot move to ${STAGE_LABELS[to]} in Modelgate.`;
  if (from === 'production') return `${base} Production is left only when another version replaces it or by a rollback.`;
  const path = findTransition(from, to)?.path;
  if (path === 'rollback') return `${base} That is a rollback (POST /api/v1/models/<name>/rollback).`;
  if (to === 'production') return `${base} Promote it to Staging first; Staging → Production goes through an approved promotion request.`;
  return base;
}

async function requestDeployment(actor: Actor, request: TransitionRequest): Promise<void> {
  try {
    const { request: promotion, deployed } = await requestProduction(actor, { model: request.model, number: request.number, comment: reason(request.stage) });
    if (deployed) return;
    throw new MlflowError(
      'PERMISSION_DENIED',
      `Promotion of ${request.model} v${request.number} to Production needs ${promotion.requiredApprovals} approval(s) under the model's policy, and nobody approves their own request. Created promotion request ${promotion.id}; an approver can decide it at ${request.approvalsUrl}.`,
    );
  } catch (error) {
    const pending = isRegistryError(error) && error.code === 'CONFLICT' ? (error.details as { requestId?: string } | undefined)?.requestId : undefined;
    if (!pending) throw error;
    throw new MlflowError('PERMISSION_DENIED', `Promotion of ${request.model} v${request.number} to Production is already waiting for approval: promotion request ${pending} (${request.approvalsUrl}).`);
  }
}

async function archiveOtherStaging(actor: Actor, request: TransitionRequest): Promise<void> {
  const others = await db.modelVersion.findMany({
    where: { model: { name: request.model }, stage: 'staging', number: { not: request.number } },
    select: { number: true },
    orderBy: { number: 'asc' },
  });
  for (const other of others) {
    await moveVersion(actor, 'archive', {
      model: request.model,
      number: other.number,
      expectedStage: 'staging',
      comment: `archived by the MLflow transition of v${request.number} to Staging (archive_existing_versions)`,
    }).catch((error: unknown) => {
      // Someone else moved it meanwhile: it is no longer in Staging, which is all we wanted.
      if (!(error instanceof RegistryError && error.code === 'CONFLICT')) throw error;
    });
  }
}
