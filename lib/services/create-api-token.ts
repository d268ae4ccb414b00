import { assertAllowed, lowerRole, RegistryError, ROLES, type Role } from '@/lib/registry';
import type { Tx } from '@/lib/db/prisma';
import { inTransaction } from '@/lib/db/transaction';
import { generateToken } from '@/lib/auth/api-token';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';
import { findOrCreateServiceAccount } from './internal/service-account';

/** Tokens expire unless someone explicitly asks for one that never does. */
export const DEFAULT_TOKEN_DAYS = 90;

export interface CreateTokenInput {
  name: string;
  /** standard (default): acts with `role`. serving: resolve, route and report health, nothing else. */
  kind?: 'standard' | 'serving';
  /** Required for standard tokens; serving tokens have no role of their own. */
  role?: Role;
  /** The service account that owns the token, created on first use. Without it the token is the creator's own. */
  serviceAccount?: string;
  model?: string;
  /** Days until the token stops working, or 'never'. Defaults to DEFAULT_TOKEN_DAYS. */
  expiresInDays?: number | 'never';
}

// What a serving token needs its owner to be able to do; stored as its role so the ceiling check below holds.
const SERVING_CEILING: Role = 'scientist';

/**
 * Creates an API token. It belongs to the admin who creates it, or to a named service account — never to
 * another person, so nobody holds a credential that acts as a colleague. The plain token is returned
 * once; only its hash is kept.
 */
export async function createApiToken(actor: Actor, input: CreateTokenInput) {
  assertAllowed(actor, 'tokens.manage', 'global');
  if (!actor.id || actor.kind === 'service') throw new RegistryError('FORBIDDEN', 'Only a person can create API tokens.');
  if ('ownerId' in input) {
    throw new RegistryError('INVALID_ARGUMENT', 'A token belongs to whoever creates it, or to a service account: name one with serviceAccount instead of ownerId.');
  }
  const kind = input.kind ?? 'standard';
  const role = kind === 'serving' ? SERVING_CEILING : input.role;
  if (!role) throw new RegistryError('INVALID_ARGUMENT', 'Choose the role the token acts with.');
  const creatorId = actor.id;
  return inTransaction(async (tx) => {
    const owner = input.serviceAccount
      ? await findOrCreateServiceAccount(tx, actor, { name: input.serviceAccount, role })
      : await tx.user.findUniqueOrThrow({ where: { id: creatorId }, select: { id: true, email: true, role: true, disabled: true } });
    if (owner.disabled) throw new RegistryError('INVALID_ARGUMENT', `${owner.email} is disabled; enable it before creating tokens for it.`);
    const model = input.model ? await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true } }) : null;
    if (input.model && !model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
    await assertWithinCeiling(tx, { owner, role, kind, model });
    const { token, hash, prefix } = generateToken();
    const days = input.expiresInDays ?? DEFAULT_TOKEN_DAYS;
    const expiresAt = days === 'never' ? null : new Date(clock.now().getTime() + days * 86_400_000);
    const record = await tx.apiToken.create({
      data: { name: input.name, ownerId: owner.id, role, kind, modelId: model?.id ?? null, tokenHash: hash, prefix, expiresAt, createdById: creatorId },
      select: { id: true, name: true, prefix: true, role: true, kind: true, expiresAt: true, createdAt: true },
    });
    await recordAudit(tx, actor, {
      action: 'token.created',
      data: { tokenId: record.id, name: record.name, kind, owner: owner.email, serviceAccount: input.serviceAccount ?? null, role, model: model?.name ?? null, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { token, record };
  });
}

/** The token's role may not exceed its owner's: on the token's one model, their grant there if they have one. */
async function assertWithinCeiling(tx: Tx, args: { owner: { id: string; email: string; role: Role }; role: Role; kind: string; model: { id: string; name: string } | null }) {
  const { owner, role, kind, model } = args;
  const grant = model ? await tx.modelGrant.findUnique({ where: { userId_modelId: { userId: owner.id, modelId: model.id } }, select: { role: true } }) : null;
  const ceiling = grant?.role ?? owner.role;
  if (lowerRole(role, ceiling) === role) return;
  const where = grant ? ` on ${model!.name}` : '';
  throw new RegistryError(
    'INVALID_ARGUMENT',
    kind === 'serving'
      ? `A serving token's owner must be allowed to report health (${owner.email} is ${ceiling}${where}).`
      : `A token cannot have more rights than its owner (${owner.email} is ${ceiling}${where}).`,
    { allowed: ROLES.slice(0, ROLES.indexOf(ceiling) + 1) },
  );
}
