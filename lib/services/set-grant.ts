import { assertAllowed, RegistryError, type Role } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findModelOrThrow } from './internal/find-model';

/** Gives `userId` a role on one model that takes precedence over their global role there. */
export async function setGrant(actor: Actor, input: { userId: string; model: string; role: Role }) {
  assertAllowed(actor, 'users.manage', 'global');
  return inTransaction(async (tx) => {
    const model = await findModelOrThrow(tx, input.model);
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true } });
    if (!user) throw new RegistryError('NOT_FOUND', 'No such user.');
    const before = await tx.modelGrant.findUnique({ where: { userId_modelId: { userId: user.id, modelId: model.id } }, select: { role: true } });
    const grant = await tx.modelGrant.upsert({
      where: { userId_modelId: { userId: user.id, modelId: model.id } },
      create: { userId: user.id, modelId: model.id, role: input.role, createdById: actor.id },
      update: { role: input.role },
    });
    await recordAudit(tx, actor, { action: 'grant.set', model, data: { userId: user.id, email: user.email, role: input.role, before: before?.role ?? null } });
    return grant;
  });
}
