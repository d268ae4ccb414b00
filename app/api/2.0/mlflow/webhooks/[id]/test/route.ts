// POST /api/2.0/mlflow/webhooks/{webhook_id}/test – send the example payload of one event, answer what the receiver said
import { withMlflow } from '@/lib/mlflow/handler';
import { readParams } from '@/lib/mlflow/request';
import { parseMlflowEvent } from '@/lib/mlflow/webhooks/events';
import { testMlflowWebhook } from '@/lib/mlflow/webhooks/test-webhook';

export const POST = withMlflow<{ id: string }>(
  async ({ req, actor, params }) => {
    const { event } = await readParams(req, { event: { type: 'json' } });
    return { result: await testMlflowWebhook(actor, params.id, event === undefined || event === null ? undefined : parseMlflowEvent(event)) };
  },
  { permission: 'webhooks.manage' },
);
