import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import { webhookUrlProblem } from '@/lib/webhooks/destination';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS } from '@/lib/webhooks/events';
import type { Actor } from './actor';
import { recordAudit } from './audit';

export const ZCreateWebhookInput = z.object({
  url: z.url({ protocol: /^https?$/, error: 'Give an http(s) URL.' }).max(2000),
  /** Limit to one model; omit for every model. */
  model: z.string().max(128).optional(),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).default([...WEBHOOK_EVENTS]),
  /**
   * "modelgate": our JSON payload, signed (X-Modelgate-Signature). "chat": `{ "text": "…" }`, the body Slack
   * and Microsoft Teams incoming webhooks accept — one line naming the model, version, stages, actor and a link.
   */
  format: z.enum(WEBHOOK_FORMATS).default('modelgate'),
});

/** Adds a webhook. Its signing secret is generated here and returned once, like a token. */
export async function createWebhook(actor: Actor, raw: z.input<typeof ZCreateWebhookInput>) {
  assertAllowed(actor, 'webhooks.manage', 'global');
  const input = ZCreateWebhookInput.parse(raw);
  // Checked again on every delivery, on the addresses resolved then; this is for a clear answer now.
  const problem = await webhookUrlProblem(input.url);
  if (problem) throw new RegistryError('INVALID_ARGUMENT', problem, { field: 'url' });
  return inTransaction(async (tx) => {
    const model = input.model ? await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true } }) : null;
    if (input.model && !model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const hook = await tx.webhook.create({ data: { url: input.url, secret, events: input.events, format: input.format, modelId: model?.id ?? null, createdById: actor.id }, select: { id: true, url: true, events: true } });
    await recordAudit(tx, actor, { action: 'webhook.created', ...(model ? { model } : {}), data: { webhookId: hook.id, url: hook.url, events: hook.events, format: input.format } });
    return { ...hook, format: input.format, secret };
  });
}
