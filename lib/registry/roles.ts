/** The roles people and service accounts hold, lowest first (stored in the database). */
export const ROLES = ['viewer', 'scientist', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a serving token acts as. Nobody holds it: it is a row of capabilities in the permission table
 * (resolve, route, report health), so every check that reads the table — route wrappers and services
 * alike — refuses a serving token everything else without knowing about tokens.
 */
export const SERVING = 'serving';
export type SubjectRole = Role | typeof SERVING;

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer',
  scientist: 'Data scientist',
  approver: 'Approver',
  admin: 'Admin',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
