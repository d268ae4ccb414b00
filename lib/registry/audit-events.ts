/**
 * Every kind of audit event, with what it means. Services write only these; the timeline renders each
 * with its own icon and sentence. Events are append-only in the database.
 */
export const AUDIT_ACTIONS = {
  'model.created': 'A model was registered',
  'model.updated': "A model's description, owner or tags changed",
  'version.registered': 'A new version was registered (it lands in Testing)',
  'version.updated': "A version's description, model card, changelog or migration notes changed (each field with its before and after)",
  'version.promoted': 'A version moved from Testing to Staging',
  'version.demoted': 'A version moved from Staging back to Testing',
  'version.archived': 'A version was archived',
  'version.restored': 'An archived version returned to Testing',
  'promotion.requested': 'Promotion of a Staging version to Production was requested',
  'promotion.approved': 'An approver approved a promotion request',
  'promotion.rejected': 'An approver rejected a promotion request (this closes it)',
  'promotion.cancelled': 'A promotion request was withdrawn, or cancelled because its version left Staging',
  'canary.requested': 'A share of traffic beside Production (a canary) was requested for a Staging version',
  'canary.approved': 'An approver approved a canary request',
  'canary.rejected': 'An approver rejected a canary request (this closes it)',
  'canary.cancelled': 'A canary request was withdrawn, or cancelled because its version left Staging',
  'version.deployed': 'A version became Production (the previous one was archived)',
  'model.rolled_back': 'Production was rolled back to the last stable version; the replaced version is tagged failed',
  'traffic.updated': 'The traffic split changed: a canary share started, changed or ended',
  'user.created': 'An admin created a user',
  'user.updated': "An admin changed a user's role, name or status",
  'user.sso_linked': "A single sign-on identity (the provider's issuer and subject) was bound to an existing user, whose e-mail the provider verified",
  'grant.set': 'An admin gave a user a role on one model',
  'grant.removed': "An admin removed a user's role on one model",
  'token.created': 'An admin created an API token',
  'token.revoked': 'An admin revoked an API token',
  'webhook.created': 'An admin added a webhook',
  'webhook.deleted': 'An admin removed a webhook',
  'webhook.updated': "An admin changed a webhook's address, events, status or secret (through MLflow's webhooks API)",
  'policy.updated': "An admin changed a model's promotion policy",
  'audit.exported': 'An admin exported the audit history',
  'registry.exported': "An admin exported the registry's current state (or one model's)",
  'model.exported': "A model's export bundle (its versions, Production periods and audit events with their hash chain) was downloaded",
  'audit.verified': "An admin checked the audit log's hash chains",
  'audit.checkpointed': 'The heads of the audit hash chains were signed (a checkpoint kept outside the database shows later truncation or rewriting)',
  'model.renamed': 'A model was renamed (its versions, grants and history follow it; a served one keeps a redirect from its old name)',
  'model.redirect_removed': "A redirect from a model's former name was removed: that name no longer resolves",
  'model.deleted': 'A model with no version in Staging or Production was deleted; its history stays',
  'model.tag_set': 'A key=value tag was set on a model',
  'model.tag_deleted': 'A tag was removed from a model',
  'version.deleted': 'A version outside Staging and Production was deleted; its history stays',
  'version.tag_set': 'A tag was set on a version',
  'version.tag_deleted': 'A tag was removed from a version',
  'alias.set': 'An alias (such as champion) now points at a version',
  'alias.deleted': 'An alias was removed from a model',
  'comment.added': 'Somebody commented on a version (the event holds the text and who was mentioned)',
  'comment.edited': 'A comment was edited by its author (the event holds the text before and after)',
  'comment.withdrawn': 'A comment was withdrawn by its author or an admin (the event holds the text it had)',
  'portfolio.applied': 'A bulk action across models finished (each model it changed has its own event; this one holds the counts and the operation id)',
  'notifications.preferences_updated': 'A person changed which e-mail notifications they receive (the event holds the choices before and after)',
  'request.reminded': "The approvers of a request still open past its policy's reminder time were sent a reminder (the event holds the round and how many were sent)",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** The events of a request's life, per kind of request: a canary's are told apart from Production's. */
export const REQUEST_EVENTS = {
  production: { requested: 'promotion.requested', approved: 'promotion.approved', rejected: 'promotion.rejected', cancelled: 'promotion.cancelled' },
  canary: { requested: 'canary.requested', approved: 'canary.approved', rejected: 'canary.rejected', cancelled: 'canary.cancelled' },
} as const satisfies Record<'production' | 'canary', Record<'requested' | 'approved' | 'rejected' | 'cancelled', AuditAction>>;
