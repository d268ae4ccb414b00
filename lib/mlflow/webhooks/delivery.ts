import { createHmac } from 'node:crypto';
import { decodeModelTags, MODEL_ID_TAG, RUN_ID_TAG, RUN_LINK_TAG } from '../tags';
import { eventName, mlflowEventFor, type MlflowEvent } from './events';

// Deliveries to hooks registered through MLflow's API, in MLflow's format (mlflow/webhooks/delivery.py):
// the body {"entity", "action", "timestamp", "data"}, and the headers X-MLflow-Delivery-Id,
// X-MLflow-Timestamp and, when the hook has a secret, X-MLflow-Signature: "v1,<base64 of
// HMAC-SHA256(secret, "<delivery id>.<timestamp>.<body>")>", which MLflow's receivers verify.

/** What the outbox stored for one audit event (lib/services/internal/outbox.ts). */
export interface OutboxPayload {
  event: string;
  occurredAt: string;
  model: string | null;
  version: number | null;
  comment: string | null;
  data: Record<string, unknown>;
}

const RESERVED = new Set([RUN_ID_TAG, RUN_LINK_TAG, MODEL_ID_TAG]);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The payload MLflow sends for each event (mlflow/webhooks/types.py), from what our audit event recorded. */
export function mlflowData(payload: OutboxPayload): Record<string, unknown> {
  const name = payload.model ?? '';
  const version = payload.version === null ? null : String(payload.version);
  const data = payload.data;
  switch (payload.event) {
    case 'model.created':
      return { name, tags: Object.fromEntries(decodeModelTags(Array.isArray(data.tags) ? data.tags.filter((t): t is string => typeof t === 'string') : []).map((t) => [t.key, t.value])), description: str(data.description) };
    case 'version.registered': {
      const tags = Object.entries((data.tags ?? {}) as Record<string, string>);
      return {
        name,
        version,
        source: str(data.artifactUri) ?? '',
        run_id: tags.find(([k]) => k === RUN_ID_TAG)?.[1] ?? null,
        tags: Object.fromEntries(tags.filter(([k]) => !RESERVED.has(k))),
        description: payload.comment,
      };
    }
    case 'version.tag_set':
      return { name, version, key: str(data.key), value: str(data.value) };
    case 'version.tag_deleted':
      return { name, version, key: str(data.key) };
    case 'alias.set':
      return { name, alias: str(data.alias), version };
    case 'alias.deleted':
      return { name, alias: str(data.alias) };
    default:
      return { name };
  }
}

/** MLflow's example payloads (the `example()` of each payload type), which `webhooks/{id}/test` sends. */
export function examplePayload(event: MlflowEvent): Record<string, unknown> {
  switch (eventName(event)) {
    case 'registered_model.created':
      return { name: 'example_model', tags: { example_key: 'example_value' }, description: 'An example registered model' };
    case 'model_version.created':
      return { name: 'example_model', version: '1', source: 'models:/123', run_id: 'abcd1234abcd5678', tags: { example_key: 'example_value' }, description: 'An example model version' };
    case 'model_version_tag.set':
      return { name: 'example_model', version: '1', key: 'example_key', value: 'example_value' };
    case 'model_version_tag.deleted':
      return { name: 'example_model', version: '1', key: 'example_key' };
    case 'model_version_alias.created':
      return { name: 'example_model', alias: 'example_alias', version: '1' };
    default:
      return { name: 'example_model', alias: 'example_alias' };
  }
}

export function mlflowSignature(secret: string, deliveryId: string, timestamp: string, body: string): string {
  return `v1,${createHmac('sha256', secret).update(`${deliveryId}.${timestamp}.${body}`).digest('base64')}`;
}

/** Headers and body of one MLflow-format delivery, signed at send time (the timestamp is the send's). */
export function renderMlflowRequest(args: { deliveryId: string; event: MlflowEvent; data: Record<string, unknown>; secret: string; now?: Date }) {
  const now = args.now ?? new Date();
  const body = JSON.stringify({ entity: args.event.entity.toLowerCase(), action: args.event.action.toLowerCase(), timestamp: now.toISOString(), data: args.data });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Modelgate-Webhooks/1 (MLflow format)',
    'x-mlflow-delivery-id': args.deliveryId,
    'x-mlflow-timestamp': timestamp,
  };
  if (args.secret) headers['x-mlflow-signature'] = mlflowSignature(args.secret, args.deliveryId, timestamp, body);
  return { headers, body };
}

/** An outbox delivery for an MLflow-format hook, or null for an event MLflow has no name for (never queued). */
export function renderMlflowDelivery(args: { deliveryId: string; eventType: string; payload: unknown; secret: string; now?: Date }) {
  const event = mlflowEventFor(args.eventType);
  if (!event) return null;
  return renderMlflowRequest({ deliveryId: args.deliveryId, event, data: mlflowData(args.payload as OutboxPayload), secret: args.secret, now: args.now });
}
