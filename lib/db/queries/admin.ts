import 'server-only';
import { db } from '@/lib/db/prisma';
import { parsePolicy, type Policy } from '@/lib/registry';

/** One page of an admin list: at most `limit` rows after the row whose id is `cursor`. */
export interface AdminPage {
  limit: number;
  cursor?: string;
}

/** Prisma's keyset arguments for a page (one extra row tells whether another page follows). */
function pageArgs(page: AdminPage | undefined) {
  return page ? { take: page.limit + 1, ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}) } : {};
}

/** Splits the extra row off: the page, and the cursor for the next one (null at the end). */
export function paged<T extends { id: string }>(rows: T[], page: AdminPage): { rows: T[]; nextCursor: string | null } {
  const kept = rows.slice(0, page.limit);
  return { rows: kept, nextCursor: rows.length > page.limit ? (kept[kept.length - 1]?.id ?? null) : null };
}

/** Users with their grants; every one of them without `page` (the console's server render), else one page. */
export async function listUsers(page?: AdminPage) {
  const users = await db.user.findMany({
    ...pageArgs(page),
    orderBy: [{ disabled: 'asc' }, { email: 'asc' }, { id: 'asc' }],
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

/** Tokens (never their secret); every one without `page`, else one page. */
export async function listTokens(page?: AdminPage) {
  const tokens = await db.apiToken.findMany({
    ...pageArgs(page),
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }, { id: 'asc' }],
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

/** Webhooks with their latest delivery, newest first; every one without `page`, else one page. */
export async function listWebhooks(page?: AdminPage) {
  const hooks = await db.webhook.findMany({
    ...pageArgs(page),
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      url: true,
      events: true,
      format: true,
      active: true,
      createdAt: true,
      model: { select: { name: true } },
      deliveries: { orderBy: { id: 'desc' }, take: 1, select: { status: true, lastStatusCode: true, createdAt: true } },
    },
  });
  return hooks.map(({ deliveries, model, ...h }) => ({ ...h, createdAt: h.createdAt.toISOString(), model: model?.name ?? null, lastDelivery: deliveries[0] ?? null }));
}

/** One webhook's delivery log, newest first, one page (keyset on the delivery's id). */
export async function listDeliveries(webhookId: string, page: { limit: number; before?: bigint }) {
  const rows = await db.webhookDelivery.findMany({
    where: { webhookId, ...(page.before ? { id: { lt: page.before } } : {}) },
    orderBy: { id: 'desc' },
    take: page.limit + 1,
    select: { id: true, deliveryId: true, eventType: true, status: true, attempts: true, lastStatusCode: true, lastError: true, createdAt: true, deliveredAt: true, nextAttemptAt: true },
  });
  const kept = rows.slice(0, page.limit);
  return {
    deliveries: kept.map((d) => ({
      deliveryId: d.deliveryId,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > page.limit ? (kept[kept.length - 1]?.id.toString() ?? null) : null,
  };
}

export async function listModelNames(): Promise<string[]> {
  return (await db.registeredModel.findMany({ orderBy: { name: 'asc' }, select: { name: true } })).map((m) => m.name);
}
