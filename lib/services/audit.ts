import type { AuditAction, Stage } from '@/lib/registry';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/prisma';
import type { Actor } from './actor';
import { clock } from './clock';
import { outboxInsert } from './internal/outbox';
import { queueNotifications } from './internal/notify';

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
  /**
   * More columns of the model's row to set in the same update that stamps its activity, e.g.
   * Prisma.sql`"last_stable_version_id" = ${id}` (one row may be updated only once per statement).
   */
  alsoSetOnModel?: Prisma.Sql;
  /**
   * The caller's own writes (common table expressions, `"name" AS (INSERT …)`) sent in the same statement,
   * so a change and its audit event cost one round trip. They run on the statement's snapshot: use them for
   * writes that read nothing another part of the statement writes.
   */
  alongside?: Prisma.Sql[];
}

/**
 * Writes one audit event inside the caller's transaction, so the event exists exactly when the change does.
 * Also stamps the model's last activity, which orders the model list, and queues the event's webhook
 * deliveries (the outbox) — all in one statement — and, when mail is on, the e-mails it causes (lib/services/internal/notify.ts). The model row is updated first (the event's insert reads
 * the update's result, so it cannot run before it): every path then takes the model's row lock before the
 * audit chain's lock (the insert trigger takes that one), so they cannot deadlock.
 */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry, options: AuditOptions = {}): Promise<void> {
  const parts = [...(options.alongside ?? []), ...auditStatementParts(actor, entry, options)];
  await tx.$executeRaw`WITH ${Prisma.join(parts, ', ')} SELECT 1`;
  // The e-mails the event causes (new request, decision, mention), queued beside its webhook deliveries.
  await queueNotifications(tx, actor, entry);
}

/**
 * The common table expressions that write one audit event (named "audit_stamp", "audit_row", "audit_queue"),
 * for a caller that sends them with its own writes in one statement. Webhook subscribers are read from the
 * statement's snapshot, as the separate insert they replace read them.
 */
export function auditStatementParts(actor: Actor, entry: AuditEntry, options: AuditOptions = {}): Prisma.Sql[] {
  const at = clock.now();
  const parts: Prisma.Sql[] = [];
  const stamp = entry.model && !options.modelActivityStamped;
  if (stamp) {
    parts.push(Prisma.sql`"audit_stamp" AS (
      UPDATE "registered_model" SET "last_activity_at" = ${at}, "updated_at" = ${clock.now()}${options.alsoSetOnModel ? Prisma.sql`, ${options.alsoSetOnModel}` : Prisma.empty} WHERE "id" = ${entry.model!.id} RETURNING 1 AS "stamped")`);
  }
  parts.push(Prisma.sql`"audit_row" AS (
    INSERT INTO "audit_event" ("at", "actor_id", "actor_label", "action", "model_id", "model_name", "version_id", "version_number", "from_stage", "to_stage", "comment", "override", "data")
    SELECT ${at}, ${actor.id}, ${actor.label}, ${entry.action}, ${entry.model?.id ?? null}, ${entry.model?.name ?? null}, ${entry.version?.id ?? null},
      ${entry.version?.number ?? null}::int, ${entry.fromStage ?? null}::"Stage", ${entry.toStage ?? null}::"Stage", ${entry.comment ?? null},
      ${entry.override ?? false}, ${JSON.stringify(entry.data ?? {})}::jsonb
    ${stamp ? Prisma.sql`FROM (SELECT count(*) FROM "audit_stamp") AS "after_stamp"` : Prisma.empty}
    RETURNING "id")`);
  const outbox = outboxInsert({
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
  if (outbox) parts.push(Prisma.sql`"audit_queue" AS (${outbox})`);
  return parts;
}
