import type { AuditAction } from '@/lib/registry';
import { MlflowError } from '../errors';

// MLflow 3's webhook events (mlflow/entities/webhook.py, mlflow/protos/webhooks.proto) and the audit
// events of ours that are the same thing. A hook registered through the MLflow API subscribes to the
// audit actions, so the outbox delivers it exactly as it delivers our own hooks.

export const MLFLOW_ENTITIES = ['REGISTERED_MODEL', 'MODEL_VERSION', 'MODEL_VERSION_TAG', 'MODEL_VERSION_ALIAS', 'PROMPT', 'PROMPT_VERSION', 'PROMPT_TAG', 'PROMPT_VERSION_TAG', 'PROMPT_ALIAS'] as const;
export const MLFLOW_ACTIONS = ['CREATED', 'UPDATED', 'DELETED', 'SET'] as const;
export type MlflowEntity = (typeof MLFLOW_ENTITIES)[number];
export type MlflowAction = (typeof MLFLOW_ACTIONS)[number];
export interface MlflowEvent {
  entity: MlflowEntity;
  action: MlflowAction;
}

/** "model_version.created" ⇄ the audit action it is delivered for. */
const TO_AUDIT = {
  'registered_model.created': 'model.created',
  'model_version.created': 'version.registered',
  'model_version_tag.set': 'version.tag_set',
  'model_version_tag.deleted': 'version.tag_deleted',
  'model_version_alias.created': 'alias.set',
  'model_version_alias.deleted': 'alias.deleted',
} as const satisfies Record<string, AuditAction>;

type MappedEvent = keyof typeof TO_AUDIT;
export type MlflowWebhookAction = (typeof TO_AUDIT)[MappedEvent];

/** The audit actions an MLflow-format hook can subscribe to (the outbox must queue these for it). */
export const MLFLOW_WEBHOOK_ACTIONS = Object.values(TO_AUDIT) as MlflowWebhookAction[];

/** MLflow's valid entity/action pairs (VALID_ENTITY_ACTIONS), for its own error message. */
const VALID: Record<MlflowEntity, readonly MlflowAction[]> = {
  REGISTERED_MODEL: ['CREATED'],
  MODEL_VERSION: ['CREATED'],
  MODEL_VERSION_TAG: ['SET', 'DELETED'],
  MODEL_VERSION_ALIAS: ['CREATED', 'DELETED'],
  PROMPT: ['CREATED'],
  PROMPT_VERSION: ['CREATED'],
  PROMPT_TAG: ['SET', 'DELETED'],
  PROMPT_VERSION_TAG: ['SET', 'DELETED'],
  PROMPT_ALIAS: ['CREATED', 'DELETED'],
};

export const eventName = (e: MlflowEvent) => `${e.entity.toLowerCase()}.${e.action.toLowerCase()}`;

const invalid = (message: string) => new MlflowError('INVALID_PARAMETER_VALUE', message);

/** A proto enum as JSON: its name (what MLflow's client sends), any letter case, or its number. */
function enumValue<T extends string>(raw: unknown, names: readonly T[], offset: number, what: string): T {
  if (typeof raw === 'number' && Number.isInteger(raw) && names[raw - offset]) return names[raw - offset]!;
  if (typeof raw === 'string') {
    const found = names.find((n) => n === raw.trim().toUpperCase());
    if (found) return found;
  }
  throw invalid(`Invalid webhook ${what} ${JSON.stringify(raw)}. Valid values are ${names.join(', ')}.`);
}

export function parseMlflowEvent(raw: unknown): MlflowEvent {
  const { entity, action } = (raw ?? {}) as { entity?: unknown; action?: unknown };
  // Proto numbering: ENTITY_UNSPECIFIED = 0, REGISTERED_MODEL = 1 …; ACTION_UNSPECIFIED = 0, CREATED = 1 …
  const event = { entity: enumValue(entity, MLFLOW_ENTITIES, 1, 'entity'), action: enumValue(action, MLFLOW_ACTIONS, 1, 'action') };
  if (!VALID[event.entity].includes(event.action)) {
    throw invalid(`Invalid action '${event.action.toLowerCase()}' for entity '${event.entity.toLowerCase()}'. Valid actions are: [${VALID[event.entity].map((a) => `'${a.toLowerCase()}'`).join(', ')}]`);
  }
  return event;
}

/**
 * The audit action an MLflow event is delivered for. Prompt events are refused: Modelgate keeps prompts
 * as plain registered models, so their changes arrive as the model events.
 */
export function auditActionFor(event: MlflowEvent): MlflowWebhookAction {
  const name = eventName(event);
  if (event.entity.startsWith('PROMPT')) {
    throw invalid(`Webhook event '${name}' is not available: Modelgate keeps prompts as registered models, so subscribe to the registered_model, model_version, model_version_tag and model_version_alias events instead.`);
  }
  return TO_AUDIT[name as MappedEvent];
}

const FROM_AUDIT = Object.fromEntries(Object.entries(TO_AUDIT).map(([event, action]) => [action, event])) as Record<MlflowWebhookAction, MappedEvent>;

export function mlflowEventFor(action: string): MlflowEvent | null {
  const name = Object.hasOwn(FROM_AUDIT, action) ? FROM_AUDIT[action as MlflowWebhookAction] : undefined;
  if (!name) return null;
  const [entity, act] = name.split('.') as [string, string];
  return { entity: entity.toUpperCase() as MlflowEntity, action: act.toUpperCase() as MlflowAction };
}
