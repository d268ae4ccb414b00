import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/prisma';
import { isWebhookEvent } from '@/lib/webhooks/events';
import { clock } from '../clock';

export interface OutboxEvent {
  action: string;
  at: Date;
  actor: string;
  model?: { id: string; name: string };
  version?: { number: number };
  fromStage?: string | null;
  toStage?: string | null;
  comment?: string | null;
  data?: unknown;
}

/**
 * Queues one delivery per subscribed webhook in the caller's transaction (the outbox): a delivery exists
 * exactly when its event does, and survives any restart until the dispatcher has delivered it. One
 * statement picks the subscribers and writes their deliveries (Modelgate's format and chat hooks share the payload;
 * the dispatcher renders a chat hook's body when it sends). Hooks registered through MLflow's API
 * (format "mlflow") are queued by a trigger on the audit table instead (migration
 * 20261201100000_mlflow_webhook_outbox): their events include registrations and tag changes, which
 * would otherwise cost every registration one more round trip.
 */
export async function enqueueWebhookDeliveries(tx: Tx, event: OutboxEvent): Promise<void> {
  const insert = outboxInsert(event);
  if (insert) await tx.$executeRaw`${insert}`;
}

/** The outbox insert for one event, for a statement of the caller's (the audit event's); null when no webhook can subscribe to it. */
export function outboxInsert(event: OutboxEvent): Prisma.Sql | null {
  if (!isWebhookEvent(event.action)) return null;
  const payload = JSON.stringify({
    event: event.action,
    occurredAt: event.at.toISOString(),
    actor: event.actor,
    model: event.model?.name ?? null,
    version: event.version?.number ?? null,
    fromStage: event.fromStage ?? null,
    toStage: event.toStage ?? null,
    comment: event.comment ?? null,
    data: event.data ?? {},
  });
  const now = clock.now();
  return Prisma.sql`
    INSERT INTO "webhook_delivery" ("delivery_id", "webhook_id", "event_type", "payload", "next_attempt_at", "created_at")
    SELECT gen_random_uuid()::text, w."id", ${event.action}, ${payload}::jsonb, ${now}, ${now}
    FROM "webhook" w
    WHERE w."active" AND w."format" IN ('modelgate', 'chat') AND ${event.action} = ANY (w."events") AND (w."model_id" IS NULL OR w."model_id" = ${event.model?.id ?? null}::text)`;
}
