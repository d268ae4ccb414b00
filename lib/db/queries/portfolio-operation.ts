import 'server-only';
import { db } from '@/lib/db/prisma';
import { canOn, countOutcomes, RegistryError, type PortfolioCounts, type PortfolioItemResult, type PortfolioOutcome } from '@/lib/registry';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/services/actor';

export interface PortfolioOperationView {
  id: string;
  status: 'running' | 'done';
  actor: string;
  action: Record<string, unknown>;
  selection: Record<string, unknown>;
  createdAt: string;
  finishedAt: string | null;
  total: number;
  counts: PortfolioCounts;
  items: PortfolioItemResult[];
}

/**
 * One bulk operation with its items, for the person who started it (or a registry admin): anyone else is
 * told it does not exist, so operation ids reveal nothing.
 */
export async function portfolioOperationFor(actor: Actor, where: Prisma.PortfolioOperationWhereUniqueInput): Promise<PortfolioOperationView> {
  const row = await db.portfolioOperation.findUnique({ where, include: { items: { orderBy: { seq: 'asc' } } } });
  const mayRead = row && (row.actorId === actor.id || canOn(actor, 'audit.export', 'global'));
  if (!row || !mayRead) throw new RegistryError('NOT_FOUND', 'No such portfolio operation.');
  const items = row.items.map((i): PortfolioItemResult => ({
    key: i.key,
    model: i.modelName,
    version: i.versionNumber,
    outcome: i.outcome as PortfolioOutcome,
    code: i.code,
    reason: i.reason,
    before: i.before,
    after: i.after,
    events: i.events,
  }));
  return { ...summary(row, items), items };
}

type OperationRow = { id: string; status: PortfolioOperationView['status']; actorLabel: string; action: unknown; selection: unknown; createdAt: Date; finishedAt: Date | null };

/** An operation as the API shows it without its items: what it did, and its counts so far. */
function summary(row: OperationRow, items: readonly { outcome: PortfolioOutcome }[]): Omit<PortfolioOperationView, 'items'> {
  return {
    id: row.id,
    status: row.status,
    actor: row.actorLabel,
    action: row.action as Record<string, unknown>,
    selection: row.selection as Record<string, unknown>,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    total: items.length,
    counts: countOutcomes(items),
  };
}

/**
 * The caller's operations without their items (progress: counts and total), newest first, `limit` at a
 * time, older than `before`; or the one started with `idempotencyKey`.
 */
export async function recentPortfolioOperations(actor: Actor, query: { idempotencyKey?: string; limit: number; before?: string }): Promise<Omit<PortfolioOperationView, 'items'>[]> {
  if (!actor.id) return [];
  const cursor = query.before ? await db.portfolioOperation.findUnique({ where: { id: query.before }, select: { createdAt: true } }) : null;
  const rows = await db.portfolioOperation.findMany({
    where: { actorId: actor.id, ...(query.idempotencyKey ? { idempotencyKey: query.idempotencyKey } : {}), ...(cursor ? { createdAt: { lt: cursor.createdAt } } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit,
    select: { id: true, status: true, actorLabel: true, action: true, selection: true, createdAt: true, finishedAt: true, items: { select: { outcome: true } } },
  });
  return rows.map((row) => summary(row, row.items as { outcome: PortfolioOutcome }[]));
}
