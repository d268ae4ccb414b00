import 'server-only';
import { db } from '@/lib/db/prisma';
import type { AuditEventView } from './audit';

/** What happened to one version, newest first (its 50 latest events; the audit page has the rest). Comments are shown in their thread. */
export async function listVersionActivity(versionId: string, limit = 50): Promise<AuditEventView[]> {
  const rows = await db.auditEvent.findMany({
    where: { versionId, action: { notIn: ['comment.added', 'comment.edited'] } },
    orderBy: { id: 'desc' },
    take: limit,
  });
  return rows.map((e) => ({
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
  }));
}
