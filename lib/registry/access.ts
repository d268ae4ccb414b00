import { RegistryError } from './errors';
import { assertCan, can, type Action } from './permissions';
import { ROLES, type Role, type SubjectRole } from './roles';

/**
 * What the permission checks need to know about who is acting: a global role, per-model grants that
 * take precedence over it for their model, and — for API tokens — an optional restriction to one model.
 */
export interface AccessSubject {
  role: SubjectRole;
  /** Model name → role on that model; null: none at all there (a serving token whose owner may not report on it). */
  grants?: Readonly<Record<string, SubjectRole | null>>;
  /** Set for tokens restricted to one model: no access to any other, nor to anything registry-wide. */
  modelScope?: string | null;
}

/**
 * What an action touches: one model (its role there decides), or `'global'` — registry-wide data and
 * settings (users, tokens, webhooks, exports, creating models), where only the global role counts: a
 * per-model grant never reaches it, and a token restricted to one model never does.
 */
export type AccessTarget = { model: string } | 'global';

/** The role that applies on `model`, or null when the subject may not touch it at all. */
export function roleOn(subject: AccessSubject, model: string): SubjectRole | null {
  if (subject.modelScope && subject.modelScope !== model) return null;
  // hasOwn: a model may be called "constructor", which every object literal answers for.
  return subject.grants && Object.hasOwn(subject.grants, model) ? (subject.grants[model] ?? null) : subject.role;
}

/** The role that applies to `target`, or null when the subject may not touch it at all. */
export function roleFor(subject: AccessSubject, target: AccessTarget): SubjectRole | null {
  if (target === 'global') return subject.modelScope ? null : subject.role;
  return roleOn(subject, target.model);
}

/** Whether the subject may do `action` on `target`: what buttons ask, with the same answer as the server. */
export function canOn(subject: AccessSubject, action: Action, target: AccessTarget): boolean {
  return can(roleFor(subject, target), action);
}

/**
 * The one permission check every route handler and service goes through: the role that applies to the
 * target (see `roleFor`) must be allowed `action` by the permission table.
 */
export function assertAllowed(subject: AccessSubject, action: Action, target: AccessTarget): void {
  const role = roleFor(subject, target);
  if (role === null) {
    const message =
      target === 'global'
        ? `This token is restricted to the model "${subject.modelScope}" and cannot reach registry-wide data.`
        : subject.modelScope && subject.modelScope !== target.model
          ? `This token is restricted to the model "${subject.modelScope}".`
          : `No role on the model "${target.model}".`;
    throw new RegistryError('FORBIDDEN', message, { action, modelScope: subject.modelScope ?? null });
  }
  assertCan(role, action);
}

/**
 * Who may withdraw a pending promotion request: someone who may request Production on its model, and is
 * its requester or an admin there. The Cancel button and the service both ask this.
 */
export function mayCancelRequest(subject: AccessSubject & { id: string | null }, request: { model: string; requesterId: string }): boolean {
  const role = roleOn(subject, request.model);
  return can(role, 'version.request-production') && (subject.id === request.requesterId || role === 'admin');
}

/** Whether the subject may do `action` on at least one model (a cheap first check before the target is known). */
export function canAnywhere(subject: AccessSubject, action: Action): boolean {
  if (!subject.modelScope && can(subject.role, action)) return true;
  return Object.entries(subject.grants ?? {}).some(([model, role]) => (!subject.modelScope || subject.modelScope === model) && can(role, action))
    || (!!subject.modelScope && can(roleOn(subject, subject.modelScope), action));
}

/** The models whose rows a list may show the subject: null for all of them, else only these. */
export function visibleModels(subject: AccessSubject): readonly string[] | null {
  return subject.modelScope ? [subject.modelScope] : null;
}

/** The lower of two roles: a token never does more than its owner can now. */
export function lowerRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b;
}
