import 'server-only';
import { db } from '@/lib/db/prisma';
import type { AuditEvent, Prisma } from '@/lib/generated/prisma/client';
import type { AuditFilters } from '@/lib/validations/audit';

export interface AuditEventView {
  id: string;
  at: string;
  actor: string;
  actorId: string | null;
  action: string;
  model: string | null;
  version: number | null;
  fromStage: string | null;
  toStage: string | null;
  comment: string | null;
  override: boolean;
  data: Prisma.JsonValue;
  hash: string;
}

/** Filters as a Prisma where clause. Actor matches the user's email (covers their tokens' events too). */
export function auditWhere(filters: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    ...(filters.model ? { modelName: filters.model } : {}),
    ...(filters.actor ? { actorLabel: { startsWith: filters.actor } } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from || filters.to ? { at: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) } } : {}),
  };
}

/**
 * One page of the timeline, newest first, by keyset on the primary key: page N costs the same as page 1
 * whether the log has a thousand events or a million, and events written meanwhile (higher ids) never
 * shift what the next page returns. With `models`, only events about those models (a token restricted to
 * one model sees nothing registry-wide).
 */
export async function listAuditEvents(
  query: AuditFilters & { before?: bigint; limit: number; models?: readonly string[] | null },
): Promise<{ events: AuditEventView[]; nextBefore: string | null }> {
  const rows = await db.auditEvent.findMany({
    where: { AND: [auditWhere(query), query.before ? { id: { lt: query.before } } : {}, query.models ? { modelName: { in: [...query.models] } } : {}] },
    orderBy: { id: 'desc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    events: page.map(toAuditEventView),
    nextBefore: rows.length > query.limit ? (page[page.length - 1]?.id.toString() ?? null) : null,
  };
}

/** An audit row as the timeline and the version's activity show it. */
export function toAuditEventView(e: AuditEvent): AuditEventView {
  return {
    id: e.id.toString(),
    at: e.at.toISOString(),
    actor: e.actorLabel,
    actorId: e.actorId,
    action: e.action,
    model: e.modelName,
    version: e.versionNumber,
    fromStage: e.fromStage,
    toStage: e.toStage,
    comment: e.comment,
    override: e.override,
    data: e.data,
    hash: e.hash,
  };
}
