// POST /api/2.0/mlflow/webhooks – register a webhook (MLflow 3); GET – list them. Admins only.
import { withMlflow } from '@/lib/mlflow/handler';
import { MlflowError } from '@/lib/mlflow/errors';
import { readParams } from '@/lib/mlflow/request';
import { createMlflowWebhook } from '@/lib/mlflow/webhooks/create-webhook';
import { listMlflowWebhooks } from '@/lib/mlflow/webhooks/list-webhooks';
import { decodeWebhookPageToken, encodeWebhookPageToken, parseEvents, parseStatus } from '@/lib/mlflow/webhooks/request';
import { webhookJson } from '@/lib/mlflow/webhooks/serialize';

export const POST = withMlflow(
  async ({ req, actor }) => {
    const params = await readParams(req, {
      name: { type: 'string', required: true },
      url: { type: 'string', required: true },
      events: { type: 'json', required: true },
      description: { type: 'string' },
      secret: { type: 'string' },
      status: { type: 'json' },
    });
    const hook = await createMlflowWebhook(actor, {
      name: params.name,
      url: params.url,
      events: parseEvents(params.events) ?? [],
      description: params.description,
      secret: params.secret || undefined,
      disabled: parseStatus(params.status),
    });
    return { webhook: webhookJson(hook) };
  },
  { permission: 'webhooks.manage' },
);

export const GET = withMlflow(
  async ({ req, actor }) => {
    const params = await readParams(req, { max_results: { type: 'int' }, page_token: { type: 'string' } });
    const maxResults = params.max_results ?? 100;
    if (maxResults < 1 || maxResults > 1000) throw new MlflowError('INVALID_PARAMETER_VALUE', 'max_results must be between 1 and 1000.');
    const { hooks, more } = await listMlflowWebhooks(actor, { maxResults, after: params.page_token ? decodeWebhookPageToken(params.page_token) : undefined });
    const last = hooks[hooks.length - 1];
    return { ...(hooks.length > 0 ? { webhooks: hooks.map(webhookJson) } : {}), ...(more && last ? { next_page_token: encodeWebhookPageToken(last) } : {}) };
  },
  { permission: 'webhooks.manage' },
);
