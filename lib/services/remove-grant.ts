import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findModelOrThrow } from './internal/find-model';

/** Removes a per-model grant: the user falls back to their global role on that model. */
export async function removeGrant(actor: Actor, input: { userId: string; model: string }) {
  assertAllowed(actor, 'users.manage', 'global');
  return inTransaction(async (tx) => {
    const model = await findModelOrThrow(tx, input.model);
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true } });
    const removed = await tx.modelGrant.deleteMany({ where: { userId: input.userId, modelId: model.id } });
    if (removed.count === 0) throw new RegistryError('NOT_FOUND', 'That user has no grant on this model.');
    await recordAudit(tx, actor, { action: 'grant.removed', model, data: { userId: input.userId, email: user?.email ?? null } });
    return { removed: true };
  });
}
