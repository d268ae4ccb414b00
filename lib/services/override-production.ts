import { assertAllowed, decisionDenial, failingGates, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { clock } from './clock';
import { deployVersion } from './internal/deploy';
import { lockModel } from './internal/production';
import { evaluateVersionGates } from './internal/gate-context';
import { toJson } from './internal/json';
import { findVersionOrThrow } from './internal/find-version';
import { deciderOf, loadVersionSeparationFacts } from './internal/separation';

/**
 * An admin puts a Staging version into Production past its gates and approvals. Only with a written
 * justification; the audit event is marked as an override and shows in red on the timeline.
 */
export async function overrideToProduction(actor: Actor, input: { model: string; number: number; justification: string }) {
  assertAllowed(actor, 'gates.override', { model: input.model });
  const justification = input.justification?.trim() ?? '';
  if (justification.length < 10) throw new RegistryError('INVALID_ARGUMENT', 'An override needs a written justification (at least 10 characters).');
  return inTransaction(async (tx) => {
    const version = await findVersionOrThrow(tx, input.model, input.number);
    if (version.stage !== 'staging') throw new RegistryError('INVALID_TRANSITION', 'Only a Staging version can be put into Production.');
    // The override stands in for the approvals, so it is held to the same four eyes: not by the author or the requester.
    const denial = actor.id ? decisionDenial(deciderOf({ ...actor, id: actor.id }), await loadVersionSeparationFacts(tx, version.id)) : 'Only a person can override';
    if (denial) throw new RegistryError('FORBIDDEN', `${denial}.`);
    const evaluation = await evaluateVersionGates(tx, { modelId: version.model.id, versionId: version.id, target: 'production' });
    // Close any pending request for this version: the override decided it.
    await tx.promotionRequest.updateMany({ where: { versionId: version.id, status: 'pending' }, data: { status: 'approved', decidedAt: clock.now() } });
    await lockModel(tx, version.model.id);
    await deployVersion(tx, actor, {
      model: version.model,
      version,
      comment: justification,
      override: true,
      data: { gates: toJson(evaluation.results), failingGates: failingGates(evaluation.results).length },
    });
    return { deployed: true };
  });
}
