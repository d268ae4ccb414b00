import 'server-only';
import { db } from '@/lib/db/prisma';
import { parsePolicy, type Policy } from '@/lib/registry';

export async function listUsers() {
  const users = await db.user.findMany({
    orderBy: [{ disabled: 'asc' }, { email: 'asc' }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      kind: true,
      disabled: true,
      createdAt: true,
      grants: { select: { role: true, model: { select: { name: true } } }, orderBy: { model: { name: 'asc' } } },
    },
  });
  return users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), grants: u.grants.map((g) => ({ model: g.model.name, role: g.role })) }));
}
export type AdminUser = Awaited<ReturnType<typeof listUsers>>[number];

export async function listTokens() {
  const tokens = await db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      kind: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdAt: true,
      createdById: true,
      owner: { select: { id: true, email: true, name: true, kind: true } },
      model: { select: { name: true } },
    },
  });
  // Who created each token (no relation: a token outlives nothing, but history keeps the id as written).
  const creatorIds = [...new Set(tokens.map((t) => t.createdById).filter((id): id is string => !!id))];
  const creators = new Map((await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  const now = Date.now();
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    role: t.role,
    kind: t.kind,
    owner: t.owner.kind === 'service' ? t.owner.name : t.owner.email,
    ownerKind: t.owner.kind,
    createdBy: t.createdById ? (creators.get(t.createdById) ?? null) : null,
    /** Minted for another person before tokens had to belong to their creator: it can no longer approve anything. */
    heldForSomeoneElse: t.owner.kind === 'person' && t.createdById !== t.owner.id,
    model: t.model?.name ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    status: t.revokedAt ? ('revoked' as const) : t.expiresAt && t.expiresAt.getTime() <= now ? ('expired' as const) : ('active' as const),
  }));
}
export type AdminToken = Awaited<ReturnType<typeof listTokens>>[number];

/** The stored policy of a model (the default when none was saved), and whether it is the default. */
export async function getPolicy(model: string): Promise<{ model: string; policy: Policy; isDefault: boolean; updatedAt: string | null } | null> {
  const row = await db.registeredModel.findUnique({ where: { name: model }, select: { name: true, policy: { select: { gates: true, updatedAt: true } } } });
  if (!row) return null;
  return { model: row.name, policy: parsePolicy(row.policy?.gates ?? undefined), isDefault: !row.policy, updatedAt: row.policy?.updatedAt.toISOString() ?? null };
}

export async function listModelNames(): Promise<string[]> {
  return (await db.registeredModel.findMany({ orderBy: { name: 'asc' }, select: { name: true } })).map((m) => m.name);
}
