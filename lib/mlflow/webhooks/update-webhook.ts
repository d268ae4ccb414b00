import 'server-only';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from '@/lib/services/actor';
import { recordAudit } from '@/lib/services/audit';
import { assertCanManageWebhooks, assertDestinationAllowed, checked, webhookNotFound, WEBHOOK_SELECT, type MlflowWebhookInput } from './webhook-checks';

export async function updateMlflowWebhook(actor: Actor, id: string, input: MlflowWebhookInput) {
  assertCanManageWebhooks(actor);
  const hook = checked(input);
  await assertDestinationAllowed(hook.url);
  return inTransaction(async (tx) => {
    // The row lock keeps two updates from interleaving their before/after in the audit.
    const [current] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "webhook" WHERE "id" = ${id} AND "format" = 'mlflow' AND "active" FOR UPDATE`;
    if (!current) throw webhookNotFound(id);
    const before = await tx.webhook.findUniqueOrThrow({ where: { id }, select: WEBHOOK_SELECT });
    const after = await tx.webhook.update({
      where: { id },
      data: {
        ...(hook.name !== undefined ? { name: hook.name } : {}),
        ...(hook.description !== undefined ? { description: hook.description } : {}),
        ...(hook.url !== undefined ? { url: hook.url } : {}),
        ...(hook.actions !== undefined ? { events: hook.actions } : {}),
        ...(hook.secret !== undefined ? { secret: hook.secret } : {}),
        ...(hook.disabled !== undefined ? { disabled: hook.disabled } : {}),
      },
      select: WEBHOOK_SELECT,
    });
    const view = (w: typeof before) => ({ name: w.name, url: w.url, events: w.events, disabled: w.disabled });
    await recordAudit(tx, actor, { action: 'webhook.updated', data: { webhookId: id, name: after.name, url: after.url, before: view(before), after: view(after), secretChanged: hook.secret !== undefined } });
    return after;
  });
}
