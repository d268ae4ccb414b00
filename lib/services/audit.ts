import type { AuditAction, Stage } from '@/lib/registry';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/prisma';
import type { Actor } from './actor';
import { clock } from './clock';
import { enqueueWebhookDeliveries } from './internal/outbox';

export interface AuditEntry {
  action: AuditAction;
  model?: { id: string; name: string };
  version?: { id: string; number: number };
  fromStage?: Stage | null;
  toStage?: Stage | null;
  comment?: string | null;
  override?: boolean;
  data?: Prisma.InputJsonObject;
}

export interface AuditOptions {
  /**
   * The caller has already set the model's last activity in this transaction (and so holds its row
   * lock), e.g. in the same statement that took the lock: skip the second update.
   */
  modelActivityStamped?: boolean;
}

/**
 * Writes one audit event inside the caller's transaction, so the event exists exactly when the change does.
 * Also stamps the model's last activity, which orders the model list. The model row is updated first:
 * every path then takes the model's row lock before the audit chain's lock (the insert trigger takes
 * that one), so they cannot deadlock.
 */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry, options: AuditOptions = {}): Promise<void> {
  if (entry.model && !options.modelActivityStamped) {
    await tx.registeredModel.update({ where: { id: entry.model.id }, data: { lastActivityAt: clock.now() } });
  }
  const at = clock.now();
  await tx.auditEvent.create({
    data: {
      at,
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      modelId: entry.model?.id,
      modelName: entry.model?.name,
      versionId: entry.version?.id,
      versionNumber: entry.version?.number,
      fromStage: entry.fromStage ?? null,
      toStage: entry.toStage ?? null,
      comment: entry.comment ?? null,
      override: entry.override ?? false,
      data: entry.data ?? {},
    },
  });
  await enqueueWebhookDeliveries(tx, {
    action: entry.action,
    at,
    actor: actor.label,
    model: entry.model,
    version: entry.version,
    fromStage: entry.fromStage,
    toStage: entry.toStage,
    comment: entry.comment,
    data: entry.data,
  });
}
