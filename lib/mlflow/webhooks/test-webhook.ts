import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/services/actor';
import { sendWebhookRequest } from '@/lib/webhooks/dispatcher';
import { examplePayload, renderMlflowRequest } from './delivery';
import { auditActionFor, mlflowEventFor, type MlflowEvent } from './events';
import { getMlflowWebhook } from './get-webhook';

/**
 * MLflow's "test webhook": sends the example payload of one event (the given one, else the hook's
 * first) to the hook, signed as a real delivery, through the same sender as deliveries, and answers
 * with what the receiver said (success when its status is below 400).
 */
export async function testMlflowWebhook(actor: Actor, id: string, event?: MlflowEvent) {
  const hook = await getMlflowWebhook(actor, id);
  if (event) auditActionFor(event); // refuses events Modelgate does not deliver (prompts)
  const chosen = event ?? mlflowEventFor(hook.events[0] ?? '');
  if (!chosen) return { success: false, error_message: 'The webhook has no events to test.' };
  const request = renderMlflowRequest({ deliveryId: randomUUID(), event: chosen, data: examplePayload(chosen), secret: hook.secret });
  const sent = await sendWebhookRequest(hook.url, request, { readResponse: true });
  if (sent.status === null) return { success: false, error_message: `Failed to test webhook: ${sent.error ?? 'no answer'}` };
  return { success: sent.status < 400, response_status: sent.status, ...(sent.responseText ? { response_body: sent.responseText } : {}) };
}
