import 'server-only';
import { assertCan, RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Actor } from '@/lib/services/actor';
import { recordAudit } from '@/lib/services/audit';
import { ZCreateWebhookInput } from '@/lib/services/manage-webhooks';
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
function checked(input: MlflowWebhookInput) {
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
async function assertDestinationAllowed(url: string | undefined) {
  const problem = url === undefined ? null : await webhookUrlProblem(url);
  if (problem) throw invalid(`Invalid webhook URL '${url}': ${problem}`);
}

export async function createMlflowWebhook(actor: Actor, input: MlflowWebhookInput & { name: string; url: string; events: MlflowEvent[] }) {
  assertCanManageWebhooks(actor);
  const hook = checked(input);
  await assertDestinationAllowed(hook.url);
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
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
    }),
  );
}

export async function updateMlflowWebhook(actor: Actor, id: string, input: MlflowWebhookInput) {
  assertCanManageWebhooks(actor);
  const hook = checked(input);
  await assertDestinationAllowed(hook.url);
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
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
    }),
  );
}

/** Deleting stops every pending delivery and keeps the delivery log (as Admin → Webhooks does). */
export async function deleteMlflowWebhook(actor: Actor, id: string) {
  assertCanManageWebhooks(actor);
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const hook = await tx.webhook.findFirst({ where: { id, format: 'mlflow', active: true }, select: { id: true, url: true, name: true } });
      if (!hook) throw webhookNotFound(id);
      const removed = await tx.webhook.updateMany({ where: { id, active: true }, data: { active: false } });
      if (removed.count !== 1) throw webhookNotFound(id);
      await tx.webhookDelivery.updateMany({ where: { webhookId: id, status: { in: ['pending', 'retrying'] } }, data: { status: 'cancelled' } });
      await recordAudit(tx, actor, { action: 'webhook.deleted', data: { webhookId: id, name: hook.name, url: hook.url } });
    }),
  );
}

export async function getMlflowWebhook(actor: Actor, id: string) {
  assertCanManageWebhooks(actor);
  const hook = await db.webhook.findFirst({ where: { id, format: 'mlflow', active: true }, select: { ...WEBHOOK_SELECT, secret: true } });
  if (!hook) throw webhookNotFound(id);
  return hook;
}

/** One page, newest first, by keyset on (created_at, id): stable while hooks are added or removed. */
export async function listMlflowWebhooks(actor: Actor, page: { maxResults: number; after?: { createdAt: Date; id: string } }) {
  assertCanManageWebhooks(actor);
  const after = page.after;
  const rows = await db.webhook.findMany({
    where: {
      format: 'mlflow',
      active: true,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: page.maxResults + 1,
    select: WEBHOOK_SELECT,
  });
  return { hooks: rows.slice(0, page.maxResults), more: rows.length > page.maxResults };
}
