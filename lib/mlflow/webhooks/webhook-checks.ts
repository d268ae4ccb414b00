import 'server-only';
import { assertCan, RegistryError } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { ZCreateWebhookInput } from '@/lib/services/create-webhook';
import { MlflowError } from '../errors';
import { auditActionFor, type MlflowEvent } from './events';
import { webhookUrlProblem } from '@/lib/webhooks/destination';

// MLflow 3's webhooks API on Modelgate's webhooks: the same table, outbox, dispatcher and audit, with
// MLflow's name, description and status kept beside them, delivered in MLflow's format. Admins only,
// as every webhook: a hook sees every model's events.

export interface MlflowWebhookInput {
  name?: string;
  description?: string;
  url?: string;
  events?: MlflowEvent[];
  secret?: string;
  disabled?: boolean;
}

export const WEBHOOK_SELECT = { id: true, name: true, description: true, url: true, events: true, disabled: true, createdAt: true, updatedAt: true } as const;

/** Webhooks are global: only an admin's own (unrestricted) credentials manage them. */
export function assertCanManageWebhooks(actor: Actor): void {
  assertCan(actor.role, 'webhooks.manage');
  if (actor.modelScope) throw new RegistryError('FORBIDDEN', `This API token is restricted to the model "${actor.modelScope}"; webhooks see every model.`);
}

const invalid = (message: string) => new MlflowError('INVALID_PARAMETER_VALUE', message);
const NAME = /^(?=.{1,63}$)[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/i;

/** MLflow's own checks (mlflow/utils/validation.py), then ours for the address (the same as Admin → Webhooks). */
export function checked(input: MlflowWebhookInput) {
  if (input.name !== undefined && !NAME.test(input.name)) {
    throw invalid(`Webhook name '${input.name}' is invalid. It must start and end with a letter or digit, be less than 63 characters long, and contain only letters, digits, dots (.), underscores (_), and hyphens (-).`);
  }
  if (input.url !== undefined) {
    if (!input.url.trim()) throw invalid(`Webhook URL cannot be empty or just whitespace: '${input.url}'`);
    const url = ZCreateWebhookInput.shape.url.safeParse(input.url);
    if (!url.success) throw invalid(`Invalid webhook URL '${input.url}': ${url.error.issues[0]?.message ?? 'not an http(s) URL'}`);
  }
  if (input.events !== undefined && input.events.length === 0) throw invalid('Webhook events must be a non-empty list of WebhookEvent objects: [].');
  if (input.description !== undefined && input.description.length > 1000) throw invalid('Webhook descriptions are at most 1,000 characters.');
  if (input.secret !== undefined && input.secret.length > 1000) throw invalid('Webhook secrets are at most 1,000 characters.');
  const actions = input.events ? [...new Set(input.events.map(auditActionFor))] : undefined;
  return { ...input, actions };
}

export function webhookNotFound(id: string): MlflowError {
  return new MlflowError('RESOURCE_DOES_NOT_EXIST', `Webhook with ID ${id} not found.`);
}

/** Internal destinations are refused as for Modelgate's own hooks (lib/webhooks/destination.ts). */
export async function assertDestinationAllowed(url: string | undefined) {
  const problem = url === undefined ? null : await webhookUrlProblem(url);
  if (problem) throw invalid(`Invalid webhook URL '${url}': ${problem}`);
}
