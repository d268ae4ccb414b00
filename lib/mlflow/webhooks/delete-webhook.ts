import 'server-only';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from '@/lib/services/actor';
import { recordAudit } from '@/lib/services/audit';
import { assertCanManageWebhooks, webhookNotFound } from './webhook-checks';

/** Deleting stops every pending delivery and keeps the delivery log (as Admin → Webhooks does). */
export async function deleteMlflowWebhook(actor: Actor, id: string) {
  assertCanManageWebhooks(actor);
  return inTransaction(async (tx) => {
    const hook = await tx.webhook.findFirst({ where: { id, format: 'mlflow', active: true }, select: { id: true, url: true, name: true } });
    if (!hook) throw webhookNotFound(id);
    const removed = await tx.webhook.updateMany({ where: { id, active: true }, data: { active: false } });
    if (removed.count !== 1) throw webhookNotFound(id);
    await tx.webhookDelivery.updateMany({ where: { webhookId: id, status: { in: ['pending', 'retrying'] } }, data: { status: 'cancelled' } });
    await recordAudit(tx, actor, { action: 'webhook.deleted', data: { webhookId: id, name: hook.name, url: hook.url } });
  });
}
