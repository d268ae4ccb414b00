import { mlflowEventFor } from './events';

interface WebhookRow {
  id: string;
  name: string | null;
  description: string | null;
  url: string;
  events: string[];
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A Webhook message as MLflow's server writes it (enums by name, no secret, description only when set). */
export function webhookJson(hook: WebhookRow) {
  return {
    webhook_id: hook.id,
    name: hook.name ?? '',
    ...(hook.description ? { description: hook.description } : {}),
    url: hook.url,
    events: hook.events.flatMap((action) => mlflowEventFor(action) ?? []),
    status: hook.disabled ? ('DISABLED' as const) : ('ACTIVE' as const),
    creation_timestamp: hook.createdAt.getTime(),
    last_updated_timestamp: hook.updatedAt.getTime(),
  };
}
