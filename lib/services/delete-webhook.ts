import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';

/** Stops a webhook and cancels its pending deliveries. */
export async function deleteWebhook(actor: Actor, input: { id: string }) {
  assertAllowed(actor, 'webhooks.manage', 'global');
  return inTransaction(async (tx) => {
    const hook = await tx.webhook.findUnique({ where: { id: input.id }, select: { id: true, url: true } });
    if (!hook) throw new RegistryError('NOT_FOUND', 'No such webhook.');
    // Deactivate rather than delete: the delivery log stays readable.
    await tx.webhook.update({ where: { id: hook.id }, data: { active: false } });
    await tx.webhookDelivery.updateMany({ where: { webhookId: hook.id, status: { in: ['pending', 'retrying'] } }, data: { status: 'cancelled' } });
    await recordAudit(tx, actor, { action: 'webhook.deleted', data: { webhookId: hook.id, url: hook.url } });
    return { deleted: true };
  });
}
