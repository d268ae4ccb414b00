// GET|PATCH|DELETE /api/2.0/mlflow/webhooks/{webhook_id} – read, change or remove a webhook (MLflow 3). Admins only.
import { withMlflow } from '@/lib/mlflow/handler';
import { readParams } from '@/lib/mlflow/request';
import { deleteMlflowWebhook } from '@/lib/mlflow/webhooks/delete-webhook';
import { getMlflowWebhook } from '@/lib/mlflow/webhooks/get-webhook';
import { updateMlflowWebhook } from '@/lib/mlflow/webhooks/update-webhook';
import { parseEvents, parseStatus } from '@/lib/mlflow/webhooks/request';
import { webhookJson } from '@/lib/mlflow/webhooks/serialize';

type Params = { id: string };

export const GET = withMlflow<Params>(async ({ actor, params }) => ({ webhook: webhookJson(await getMlflowWebhook(actor, params.id)) }), { permission: 'webhooks.manage' });

export const PATCH = withMlflow<Params>(
  async ({ req, actor, params }) => {
    const body = await readParams(req, {
      name: { type: 'string' },
      description: { type: 'string' },
      url: { type: 'string' },
      events: { type: 'json' },
      secret: { type: 'string' },
      status: { type: 'json' },
    });
    // As MLflow's server: empty strings and an empty event list leave a field unchanged.
    const hook = await updateMlflowWebhook(actor, params.id, {
      name: body.name || undefined,
      description: body.description || undefined,
      url: body.url || undefined,
      events: (parseEvents(body.events) ?? []).length > 0 ? parseEvents(body.events) : undefined,
      secret: body.secret || undefined,
      disabled: parseStatus(body.status),
    });
    return { webhook: webhookJson(hook) };
  },
  { permission: 'webhooks.manage' },
);

export const DELETE = withMlflow<Params>(
  async ({ actor, params }) => {
    await deleteMlflowWebhook(actor, params.id);
    return {};
  },
  { permission: 'webhooks.manage' },
);
