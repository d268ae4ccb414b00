import { randomBytes } from 'node:crypto';
import { assertAllowed, RegistryError, type Role } from '@/lib/registry';
import { db, type Tx } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { createUser } from './create-user';

/** Creates a user; without a password, generates a one-time one that the caller shows once. */
export async function inviteUser(actor: Actor, input: { email: string; name: string; role: Role; password?: string }) {
  const oneTimePassword = input.password ? null : randomBytes(12).toString('base64url');
  const user = await createUser(actor, { ...input, password: input.password ?? oneTimePassword! });
  return { user, oneTimePassword };
}

/**
 * Changes a user's name, role or status. Modelgate always keeps one active admin: the active admins'
 * rows are locked first, so two admins demoting each other at once cannot both succeed.
 */
export async function updateUser(actor: Actor, input: { userId: string; name?: string; role?: Role; disabled?: boolean }) {
  assertAllowed(actor, 'users.manage', 'global');
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
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
    }),
  );
}

async function lockActiveAdmins(tx: Tx): Promise<{ id: string }[]> {
  return tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "app_user" WHERE "role" = 'admin' AND NOT "disabled" ORDER BY "id" FOR UPDATE`;
}

/** Gives `userId` a role on one model that takes precedence over their global role there. */
export async function setGrant(actor: Actor, input: { userId: string; model: string; role: Role }) {
  assertAllowed(actor, 'users.manage', 'global');
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const model = await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true } });
      if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
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
    }),
  );
}

export async function removeGrant(actor: Actor, input: { userId: string; model: string }) {
  assertAllowed(actor, 'users.manage', 'global');
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const model = await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true } });
      if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true } });
      const removed = await tx.modelGrant.deleteMany({ where: { userId: input.userId, modelId: model.id } });
      if (removed.count === 0) throw new RegistryError('NOT_FOUND', 'That user has no grant on this model.');
      await recordAudit(tx, actor, { action: 'grant.removed', model, data: { userId: input.userId, email: user?.email ?? null } });
      return { removed: true };
    }),
  );
}
