import { RegistryError } from './errors';
import { isRole, ROLE_LABELS, SERVING, type Role, type SubjectRole } from './roles';

/**
 * The one permission table. Route handlers and services check it with `assertCan`; buttons read it with
 * `can` to show or disable themselves. Adding an action here is the only way to make it possible.
 */
export const PERMISSIONS = [
  { action: 'registry.read', description: 'See models, versions, metrics and history', roles: ['viewer', 'scientist', 'approver', 'admin'] },
  // Your own settings: every person who signs in, whatever their role (registry-wide, so no model's grant counts).
  { action: 'notifications.manage', description: 'Choose which e-mail notifications you receive', roles: ['viewer', 'scientist', 'approver', 'admin'] },
  { action: 'version.resolve', description: 'Ask which version to serve: resolve a stage or alias, route a key', roles: ['viewer', 'scientist', 'approver', 'admin', SERVING] },
  { action: 'model.create', description: 'Register a new model', roles: ['scientist', 'approver', 'admin'] },
  { action: 'version.register', description: 'Register a new version of a model', roles: ['scientist', 'approver', 'admin'] },
  { action: 'version.edit', description: 'Edit descriptions, model cards and tags', roles: ['scientist', 'approver', 'admin'] },
  { action: 'version.comment', description: 'Comment on a version, and edit or withdraw your own comments', roles: ['scientist', 'approver', 'admin'] },
  { action: 'version.promote', description: 'Promote a version from Testing to Staging', roles: ['scientist', 'approver', 'admin'] },
  { action: 'version.request-production', description: 'Request promotion of a Staging version to Production', roles: ['scientist', 'approver', 'admin'] },
  { action: 'version.archive', description: 'Archive, demote or restore a version outside Production', roles: ['scientist', 'approver', 'admin'] },
  { action: 'request.decide', description: 'Approve or reject a promotion request (not your own)', roles: ['approver', 'admin'] },
  { action: 'model.rename-served', description: "Rename a model that serves Production, or remove the redirect from a served model's former name", roles: ['approver', 'admin'] },
  { action: 'model.rollback', description: 'Roll Production back to the last stable version', roles: ['approver', 'admin'] },
  { action: 'traffic.manage', description: 'Split traffic between Production and candidate versions', roles: ['approver', 'admin'] },
  // Anyone who may report is heard, but only a serving token's reports can trigger an automatic rollback.
  { action: 'health.report', description: 'Report the health of a served version (serving systems)', roles: ['scientist', 'approver', 'admin', SERVING] },
  { action: 'gates.override', description: 'Promote past failing gates with a written justification', roles: ['admin'] },
  { action: 'comment.moderate', description: "Withdraw another person's comment", roles: ['admin'] },
  { action: 'users.manage', description: 'Create users, change roles, disable accounts', roles: ['admin'] },
  { action: 'tokens.manage', description: 'Create and revoke API tokens', roles: ['admin'] },
  { action: 'model.transfer', description: 'Hand a model over to another owner', roles: ['admin'] },
  { action: 'policies.manage', description: "Edit a model's promotion policy", roles: ['admin'] },
  { action: 'webhooks.manage', description: 'Configure webhooks and read their delivery log', roles: ['admin'] },
  { action: 'audit.export', description: 'Export the audit history and registry state', roles: ['admin'] },
  { action: 'audit.verify', description: "Recompute the audit log's hash chains to prove it unaltered", roles: ['admin'] },
  { action: 'metrics.read', description: 'Read the Prometheus metrics (a scraper uses the MODELGATE_METRICS_TOKEN secret instead)', roles: ['admin'] },
] as const satisfies readonly { action: string; description: string; roles: readonly SubjectRole[] }[];

export type Action = (typeof PERMISSIONS)[number]['action'];
export const ACTIONS: readonly Action[] = PERMISSIONS.map((p) => p.action);

const ALLOWED = new Map<Action, readonly SubjectRole[]>(PERMISSIONS.map((p) => [p.action, p.roles]));

export function can(role: SubjectRole | null | undefined, action: Action): boolean {
  return !!role && (ALLOWED.get(action) ?? []).includes(role);
}

/** The lowest role a person may hold to do `action`, for messages such as "needs the approver role". */
export function minimumRole(action: Action): Role {
  const roles = ALLOWED.get(action) ?? [];
  return roles.find(isRole) ?? 'admin';
}

/** Why `role` cannot do `action`, or null when it can. Shown on disabled buttons. */
export function denialReason(role: SubjectRole | null | undefined, action: Action): string | null {
  if (can(role, action)) return null;
  if (role === SERVING) return 'A serving token can only resolve, route and report health';
  return `Needs the ${ROLE_LABELS[minimumRole(action)].toLowerCase()} role`;
}

export function assertCan(role: SubjectRole | null | undefined, action: Action): void {
  if (!role) throw new RegistryError('UNAUTHENTICATED', 'Sign in to continue.');
  const reason = denialReason(role, action);
  if (!reason) return;
  const message = role === SERVING ? `${reason}; it cannot ${describe(action)}.` : `${reason} to ${describe(action)}.`;
  throw new RegistryError('FORBIDDEN', message, { action, role });
}

function describe(action: Action): string {
  const description = PERMISSIONS.find((p) => p.action === action)?.description ?? action;
  return description.charAt(0).toLowerCase() + description.slice(1);
}
