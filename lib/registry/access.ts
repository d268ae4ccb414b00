import { can, type Action } from './permissions';
import { ROLES, type Role, type SubjectRole } from './roles';

/**
 * What the permission checks need to know about who is acting: a global role, per-model grants that
 * take precedence over it for their model, and — for API tokens — an optional restriction to one model.
 */
export interface AccessSubject {
  role: SubjectRole;
  /** Model name → role on that model; null: none at all there (a serving token whose owner may not report on it). */
  grants?: Readonly<Record<string, SubjectRole | null>>;
  /** Set for tokens restricted to one model: no access to any other. */
  modelScope?: string | null;
}

/** The role that applies on `model`, or null when the subject may not touch it at all. */
export function roleOn(subject: AccessSubject, model: string): SubjectRole | null {
  if (subject.modelScope && subject.modelScope !== model) return null;
  // hasOwn: a model may be called "constructor", which every object literal answers for.
  return subject.grants && Object.hasOwn(subject.grants, model) ? (subject.grants[model] ?? null) : subject.role;
}

/** Whether the subject may do `action` on at least one model (gates route handlers; services check the model). */
export function canAnywhere(subject: AccessSubject, action: Action): boolean {
  if (!subject.modelScope && can(subject.role, action)) return true;
  return Object.entries(subject.grants ?? {}).some(([model, role]) => (!subject.modelScope || subject.modelScope === model) && can(role, action))
    || (!!subject.modelScope && can(roleOn(subject, subject.modelScope), action));
}

/** The lower of two roles: a token never does more than its owner can now. */
export function lowerRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b;
}
