import { assertAllowed, ownershipRefusal, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findModelOrThrow } from './internal/find-model';
import { lockModel } from './internal/production';

/**
 * Hands a model to another owner (named by email), audited as `model.updated` with the owner before and
 * after. Handing it to its current owner changes nothing and records nothing.
 */
export async function setModelOwner(actor: Actor, input: { model: string; owner: string }) {
  assertAllowed(actor, 'model.transfer', { model: input.model });
  const email = input.owner.trim().toLowerCase();
  return inTransaction(async (tx) => {
    const model = await findModelOrThrow(tx, input.model);
    await lockModel(tx, model.id);
    const current = await tx.registeredModel.findUniqueOrThrow({ where: { id: model.id }, select: { owner: { select: { id: true, email: true } } } });
    const next = await tx.user.findFirst({ where: { email: { equals: email, mode: 'insensitive' } }, select: { id: true, email: true, disabled: true } });
    if (!next) throw new RegistryError('INVALID_ARGUMENT', `No user with the email ${input.owner}.`, { code: 'UNKNOWN_OWNER' });
    const refusal = ownershipRefusal(next);
    if (refusal) throw new RegistryError('INVALID_ARGUMENT', refusal, { code: 'OWNER_DISABLED' });
    if (next.id === current.owner.id) return { owner: next.email, changed: false };
    await tx.registeredModel.update({ where: { id: model.id }, data: { ownerId: next.id } });
    await recordAudit(tx, actor, { action: 'model.updated', model, data: { field: 'owner', before: current.owner.email, after: next.email } });
    return { owner: next.email, changed: true };
  });
}
