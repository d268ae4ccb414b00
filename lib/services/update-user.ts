import { assertAllowed, RegistryError, type Role } from '@/lib/registry';
import type { Tx } from '@/lib/db/prisma';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';

/**
 * Changes a user's name, role or status. Modelgate always keeps one active admin: the active admins'
 * rows are locked first, so two admins demoting each other at once cannot both succeed.
 */
export async function updateUser(actor: Actor, input: { userId: string; name?: string; role?: Role; disabled?: boolean }) {
  assertAllowed(actor, 'users.manage', 'global');
  return inTransaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, name: true, role: true, disabled: true } });
    if (!before) throw new RegistryError('NOT_FOUND', 'No such user.');
    if (input.userId === actor.id && (input.disabled === true || (input.role && input.role !== 'admin'))) {
      throw new RegistryError('CONFLICT', 'You cannot disable or demote your own account; ask another admin.');
    }
    const losesAdmin = before.role === 'admin' && !before.disabled && ((input.role && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin && admins.length <= 1) {
      throw new RegistryError('CONFLICT', 'Modelgate needs at least one active admin: make someone else an admin first.');
    }
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { name: input.name, role: input.role, disabled: input.disabled },
      select: { id: true, email: true, name: true, role: true, disabled: true },
    });
    await recordAudit(tx, actor, { action: 'user.updated', data: { userId: after.id, email: after.email, before: { name: before.name, role: before.role, disabled: before.disabled }, after: { name: after.name, role: after.role, disabled: after.disabled } } });
    return after;
  });
}

async function lockActiveAdmins(tx: Tx): Promise<{ id: string }[]> {
  return tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "app_user" WHERE "role" = 'admin' AND NOT "disabled" ORDER BY "id" FOR UPDATE`;
}
