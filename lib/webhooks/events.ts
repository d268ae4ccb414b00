import type { AuditAction } from '@/lib/registry';

/**
 * The audit events a webhook can subscribe to: everything that changes what is served or may be, and the
 * signed audit checkpoints (a receiver that keeps them can later prove an export was cut or rewritten).
 */
export const WEBHOOK_EVENTS = [
  'promotion.requested',
  'promotion.approved',
  'promotion.rejected',
  'promotion.cancelled',
  'canary.requested',
  'canary.approved',
  'canary.rejected',
  'canary.cancelled',
  'version.promoted',
  'version.demoted',
  'version.archived',
  'version.restored',
  'version.deployed',
  'model.rolled_back',
  'alias.set',
  'alias.deleted',
  'traffic.updated',
  'audit.checkpointed',
  'model.renamed',
  'model.redirect_removed',
] as const satisfies readonly AuditAction[];

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What an admin can choose a webhook's body to be: our signed JSON, or a chat message (Slack, Teams). MLflow's hooks are made through its API. */
export const WEBHOOK_FORMATS = ['modelgate', 'chat'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export function isWebhookEvent(action: string): action is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(action);
}
