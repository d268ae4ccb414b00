import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db/prisma';
import { can, lowerRole, RegistryError, SERVING, type Role, type SubjectRole } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { servingCache } from '@/lib/serving/caches';

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

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  kind: 'standard' | 'serving';
  createdById: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  ownerId: string;
  ownerEmail: string;
  ownerRole: Role;
  ownerKind: 'person' | 'service';
  ownerDisabled: boolean;
  modelName: string | null;
  grants: { model: string; role: Role }[];
}

/** The token with its owner, its model and the owner's per-model grants: one query on every API call. */
async function findToken(tokenHash: string): Promise<TokenRow | null> {
  const [row] = await db.$queryRaw<TokenRow[]>`
    SELECT t."id", t."name", t."role"::text AS "role", t."kind"::text AS "kind", t."created_by_id" AS "createdById",
      t."expires_at" AS "expiresAt", t."last_used_at" AS "lastUsedAt",
      t."revoked_at" AS "revokedAt", u."id" AS "ownerId", u."email" AS "ownerEmail", u."role"::text AS "ownerRole",
      u."kind"::text AS "ownerKind", u."disabled" AS "ownerDisabled", tm."name" AS "modelName",
      COALESCE((SELECT json_agg(json_build_object('model', gm."name", 'role', g."role"))
        FROM "model_grant" g JOIN "registered_model" gm ON gm."id" = g."model_id" WHERE g."user_id" = u."id"), '[]') AS "grants"
    FROM "api_token" t
    JOIN "app_user" u ON u."id" = t."owner_id"
    LEFT JOIN "registered_model" tm ON tm."id" = t."model_id"
    WHERE t."token_hash" = ${tokenHash}`;
  return row ?? null;
}

// Known tokens, by hash, while the change feed vouches for them: a revocation, an expiry moved, a role,
// a grant or an owner changed anywhere sends an `auth` notification that empties this within the feed's
// lease (750 ms), and a change through this instance empties it at once. Unknown hashes are not kept.
const tokens = servingCache<TokenRow>('tokens', { cares: 'auth', maxEntries: 5_000 });

function cachedToken(tokenHash: string): Promise<TokenRow | null> {
  return tokens.through(`${tokenHash}\u0000token`, async () => {
    const row = await findToken(tokenHash);
    return row ? { value: row, modelId: 'auth', modelName: '' } : { value: null as unknown as TokenRow, modelId: null };
  });
}

/**
 * The actor behind a bearer token, or an UNAUTHENTICATED error for a token that is unknown, revoked,
 * expired, or whose owner is disabled. Its role is the lower of the token's and the owner's current one;
 * a serving token acts as the "serving" capability row of the permission table instead (see `servingAccess`).
 * Checked on every call, from the token cache above: a revocation or a role change applies to every
 * instance's requests within the change feed's lease, and to this instance's next one when made here.
 */
export async function actorFromToken(token: string): Promise<Actor & { id: string }> {
  const record = await cachedToken(hashToken(token.trim()));
  const now = new Date();
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now) || record.ownerDisabled) {
    throw new RegistryError('UNAUTHENTICATED', 'The API token is invalid, revoked or expired.');
  }
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    // Best effort and coarse: one write a minute per token, not one per request.
    // The cached row remembers it too, so the next call does not write again.
    record.lastUsedAt = now;
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } }).catch(() => {});
  }
  // The owner's per-model grants apply too, never above the token's own role.
  const ceiling = lowerRole(record.role, record.ownerRole);
  const grants = Object.fromEntries(record.grants.map((g) => [g.model, lowerRole(record.role, g.role)]));
  const access = record.kind === 'serving' ? servingAccess(ceiling, grants) : { role: ceiling, grants };
  return {
    id: record.ownerId,
    label: `${record.ownerEmail} (${record.kind === 'serving' ? 'serving ' : ''}token "${record.name}")`,
    ...access,
    modelScope: record.modelName,
    kind: record.ownerKind,
    token: { id: record.id, kind: record.kind, createdById: record.createdById },
  };
}

/**
 * A serving token's access: "serving" wherever its owner may still report health, and nothing on a model
 * where a grant takes that right away. An owner who lost the right globally makes the token useless, so it
 * is refused outright rather than left answering 403s (a person's grant cannot widen a global "no").
 */
function servingAccess(ceiling: Role, grants: Record<string, Role>): { role: SubjectRole; grants: Record<string, SubjectRole | null> } {
  if (!can(ceiling, 'health.report')) {
    throw new RegistryError('UNAUTHENTICATED', 'The owner of this serving token may no longer report health; create a new token.');
  }
  return { role: SERVING, grants: Object.fromEntries(Object.entries(grants).map(([model, role]) => [model, can(role, 'health.report') ? SERVING : null])) };
}
