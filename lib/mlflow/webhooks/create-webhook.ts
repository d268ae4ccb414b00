import 'server-only';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from '@/lib/services/actor';
import { recordAudit } from '@/lib/services/audit';
import type { MlflowEvent } from './events';
import { assertCanManageWebhooks, assertDestinationAllowed, checked, WEBHOOK_SELECT, type MlflowWebhookInput } from './webhook-checks';

/** Adds an MLflow-format webhook, audited like Admin → Webhooks' own. */
export async function createMlflowWebhook(actor: Actor, input: MlflowWebhookInput & { name: string; url: string; events: MlflowEvent[] }) {
  assertCanManageWebhooks(actor);
  const hook = checked(input);
  await assertDestinationAllowed(hook.url);
  return inTransaction(async (tx) => {
    const created = await tx.webhook.create({
      data: {
        format: 'mlflow',
        name: hook.name,
        description: hook.description || null,
        url: hook.url!,
        // No secret: MLflow sends such hooks unsigned, and never returns a secret it could have made.
        secret: hook.secret ?? '',
        events: hook.actions!,
        disabled: hook.disabled ?? false,
        createdById: actor.id,
      },
      select: WEBHOOK_SELECT,
    });
    await recordAudit(tx, actor, { action: 'webhook.created', data: { webhookId: created.id, name: created.name, url: created.url, events: created.events, format: 'mlflow', signed: hook.secret ? true : false } });
    return created;
  });
}
