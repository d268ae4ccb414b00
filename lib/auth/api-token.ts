import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db/prisma';
import { lowerRole, RegistryError } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';

const PREFIX = 'mgt_';

/** A new token: 32 random bytes, shown to the admin once; only its hash is stored. */
export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) };
}

// Tokens carry 256 bits of entropy, so a fast hash is enough: nobody can brute-force the preimage.
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const LAST_USED_PRECISION_MS = 60_000;

/**
 * The actor behind a bearer token, or an UNAUTHENTICATED error for a token that is unknown, revoked,
 * expired, or whose owner is disabled. Its role is the lower of the token's and the owner's current one.
 */
export async function actorFromToken(token: string): Promise<Actor & { id: string }> {
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token.trim()) },
    include: {
      owner: { select: { id: true, email: true, role: true, disabled: true, grants: { select: { role: true, model: { select: { name: true } } } } } },
      model: { select: { name: true } },
    },
  });
  const now = new Date();
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now) || record.owner.disabled) {
    throw new RegistryError('UNAUTHENTICATED', 'The API token is invalid, revoked or expired.');
  }
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    // Best effort and coarse: one write a minute per token, not one per request.
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } }).catch(() => {});
  }
  return {
    id: record.owner.id,
    label: `${record.owner.email} (token "${record.name}")`,
    role: lowerRole(record.role, record.owner.role),
    // The owner's per-model grants apply too, never above the token's own role.
    grants: Object.fromEntries(record.owner.grants.map((g) => [g.model.name, lowerRole(record.role, g.role)])),
    modelScope: record.model?.name ?? null,
  };
}
