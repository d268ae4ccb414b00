import type { ErrorCode } from '@/lib/registry';

/**
 * What each database invariant means to the caller: one row per constraint name. Every trigger in
 * prisma/migrations raises with `CONSTRAINT = <name>` (and unique indexes and CHECKs have names of their
 * own); lib/db/errors.ts looks the name up here, so the wording of a trigger's message never matters.
 * The services check these rules first with friendlier words; a row here fires for a request that raced
 * past them, or for SQL run by hand. HTTP status follows from the code (lib/http/errors.ts).
 */
export interface ConstraintRule {
  code: ErrorCode;
  /** What the caller sees. A function gets the database's own message (for rules whose message says which row). */
  message: string | ((databaseMessage: string) => string);
}

const HISTORY: ConstraintRule = { code: 'CONFLICT', message: 'Registered versions and audit history cannot be changed.' };
const IMMUTABLE_RECORD: ConstraintRule = {
  code: 'IMMUTABLE',
  message: 'That is part of the registered version and cannot change; only its description, model card, changelog and migration notes may.',
};
const PEOPLE_ONLY: ConstraintRule = { code: 'FORBIDDEN', message: 'Service accounts never decide promotion requests and never sign in.' };
const MALFORMED_VERSION: ConstraintRule = { code: 'INVALID_ARGUMENT', message: 'A new version starts in Testing, with a well-formed number, semver and sha256 digest.' };

export const CONSTRAINT_RULES = {
  // Registration's one-statement path (…_registration_in_one_statement): the service decides again under the lock.
  registration_state_changed: { code: 'CONFLICT', message: 'Another version of this model was registered at the same moment. Try again.' },
  // Stages (prisma/migrations/…_init, and lib/registry/stages.ts, which the trigger mirrors).
  model_version_one_production_per_model: { code: 'CONFLICT', message: 'Another version became Production at the same moment. Refresh and try again.' },
  model_version_stage_transition: { code: 'INVALID_TRANSITION', message: 'That stage move is not allowed.' },
  // The swap of Production (…_production_change_round_trips, modelgate_swap_production).
  production_swap_already_production: { code: 'CONFLICT', message: 'That version is already in Production.' },
  production_swap_candidate_moved: { code: 'CONFLICT', message: 'The version moved while you were looking at it. Refresh the board and try again.' },
  model_version_created_in_testing: MALFORMED_VERSION,
  model_version_semver_format: MALFORMED_VERSION,
  model_version_digest_format: MALFORMED_VERSION,

  // The governed record: versions, their metrics and lineage, the audit log, decisions, Production history.
  // What was built and measured: an UPDATE of it is refused (…_release_desk), so the API's IMMUTABLE code.
  model_version_immutable: IMMUTABLE_RECORD,
  model_card_revision_immutable: { code: 'IMMUTABLE', message: 'Model card revisions are kept as written: a card changes by a new revision.' },
  metric_immutable: HISTORY,
  version_lineage_immutable: HISTORY,
  audit_event_append_only: HISTORY,
  approval_append_only: HISTORY,
  production_period_kept: { code: 'CONFLICT', message: 'Production history is kept: what served Production is never changed or deleted.' },
  model_version_governed: { code: 'CONFLICT', message: 'Versions in Staging or Production, and versions that ever served Production, are never deleted.' },

  // Requests and decisions.
  approval_not_by_requester: { code: 'FORBIDDEN', message: 'Nobody decides their own promotion request.' },
  promotion_request_kind: { code: 'INVALID_ARGUMENT', message: 'A canary request asks for 1–50 % of traffic, a Production request for none; neither changes later.' },

  // Who may serve (…_serving_guards): checked when a transaction commits; the database says which row.
  serving_guard: { code: 'CONFLICT', message: (db) => `Refused by the database: ${servingReason(db)}.` },
  model_name_redirect_reserved: { code: 'CONFLICT', message: 'That name is held by a redirect from a renamed model, or by a model.' },

  // Discussion (…_version_comments): comments are edited or withdrawn, never moved or deleted.
  version_comment_immutable: { code: 'CONFLICT', message: 'A comment keeps its author, version and time; a withdrawn comment stays withdrawn, and none is deleted.' },
  version_comment_model: { code: 'INVALID_ARGUMENT', message: "A comment belongs to its version's own model." },
  version_comment_body_length: { code: 'INVALID_ARGUMENT', message: 'A comment holds at most 10,000 characters.' },
  version_comment_body_present: { code: 'INVALID_ARGUMENT', message: 'A comment needs some text; only a withdrawn one is empty.' },

  // Credentials (…_credentials_serving_sso_sign_in).
  app_user_service_account_limits: { code: 'INVALID_ARGUMENT', message: 'Service accounts cannot be admins and cannot have a password.' },
  api_token_owned_by_creator: { code: 'INVALID_ARGUMENT', message: 'A token belongs to the person who creates it, or to a service account.' },
  approval_by_person: PEOPLE_ONLY,
  user_identity_by_person: PEOPLE_ONLY,
  // Portfolio operations (…_portfolio_operations): two requests raced with one Idempotency-Key.
  portfolio_operation_actor_id_idempotency_key_key: { code: 'CONFLICT', message: 'An operation with this Idempotency-Key is already being applied: fetch it instead of sending it again.' },
} as const satisfies Record<string, ConstraintRule>;

export type ConstraintName = keyof typeof CONSTRAINT_RULES;

export function constraintRule(name: string): ConstraintRule | undefined {
  return Object.hasOwn(CONSTRAINT_RULES, name) ? CONSTRAINT_RULES[name as ConstraintName] : undefined;
}

/** The serving guard's messages start "serving_guard: "; what follows names the alias or share at fault. */
function servingReason(databaseMessage: string): string {
  const reason = /serving_guard: ([^"`\n]*)/.exec(databaseMessage)?.[1]?.trim();
  return reason || 'only the Production version or an approved canary may serve';
}
