import { assertAllowed, lowerRole, RegistryError, ROLES, type Role } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import { generateToken } from '@/lib/auth/api-token';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';

export interface CreateTokenInput {
  name: string;
  /** Whose permissions the token borrows; defaults to the admin creating it. */
  ownerId?: string;
  role: Role;
  model?: string;
  expiresInDays?: number;
}

/** Creates an API token. The plain token is returned once; only its hash is kept. */
export async function createApiToken(actor: Actor, input: CreateTokenInput) {
  assertAllowed(actor, 'tokens.manage', 'global');
  const ownerId = input.ownerId ?? actor.id;
  if (!ownerId) throw new RegistryError('INVALID_ARGUMENT', 'A token needs an owner.');
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { id: true, email: true, role: true, disabled: true } });
      if (!owner || owner.disabled) throw new RegistryError('INVALID_ARGUMENT', 'The owner must be an active user.');
      const model = input.model ? await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true } }) : null;
      if (input.model && !model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
      // The ceiling is the owner's role — on the token's one model, their grant there if they have one.
      const grant = model ? await tx.modelGrant.findUnique({ where: { userId_modelId: { userId: owner.id, modelId: model.id } }, select: { role: true } }) : null;
      const ceiling = grant?.role ?? owner.role;
      if (lowerRole(input.role, ceiling) !== input.role) {
        throw new RegistryError('INVALID_ARGUMENT', `A token cannot have more rights than its owner (${owner.email} is ${ceiling}${grant ? ` on ${model!.name}` : ''}).`, { allowed: ROLES.slice(0, ROLES.indexOf(ceiling) + 1) });
      }
      const { token, hash, prefix } = generateToken();
      const expiresAt = input.expiresInDays ? new Date(clock.now().getTime() + input.expiresInDays * 86_400_000) : null;
      const record = await tx.apiToken.create({
        data: { name: input.name, ownerId: owner.id, role: input.role, modelId: model?.id ?? null, tokenHash: hash, prefix, expiresAt, createdById: actor.id },
        select: { id: true, name: true, prefix: true, role: true, expiresAt: true, createdAt: true },
      });
      await recordAudit(tx, actor, { action: 'token.created', data: { tokenId: record.id, name: record.name, owner: owner.email, role: record.role, model: model?.name ?? null, expiresAt: expiresAt?.toISOString() ?? null } });
      return { token, record };
    }),
  );
}

export async function revokeApiToken(actor: Actor, input: { tokenId: string }) {
  assertAllowed(actor, 'tokens.manage', 'global');
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const revoked = await tx.apiToken.updateManyAndReturn({
        where: { id: input.tokenId, revokedAt: null },
        data: { revokedAt: clock.now() },
        select: { id: true, name: true, prefix: true },
      });
      const token = revoked[0];
      if (!token) throw new RegistryError('NOT_FOUND', 'No such active token.');
      await recordAudit(tx, actor, { action: 'token.revoked', data: { tokenId: token.id, name: token.name, prefix: token.prefix } });
      return { revoked: true };
    }),
  );
}
