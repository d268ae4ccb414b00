import type { Tx } from '@/lib/db/prisma';
import { isWebhookEvent } from '@/lib/webhooks/events';
import { toJson } from './json';

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
 * exactly when its event does, and survives any restart until the dispatcher has delivered it.
 */
export async function enqueueWebhookDeliveries(tx: Tx, event: OutboxEvent): Promise<void> {
  if (!isWebhookEvent(event.action)) return;
  const hooks = await tx.webhook.findMany({
    where: { active: true, events: { has: event.action }, OR: [{ modelId: null }, ...(event.model ? [{ modelId: event.model.id }] : [])] },
    select: { id: true },
  });
  if (hooks.length === 0) return;
  const payload = toJson({
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
  await tx.webhookDelivery.createMany({ data: hooks.map((h) => ({ webhookId: h.id, eventType: event.action, payload })) });
}
