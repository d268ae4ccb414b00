import { ROLES, ROLE_LABELS, type Role } from '@/lib/registry';

/** The roles as <option>s, lowest first; `upTo` leaves out the roles above it. */
export function RoleOptions({ upTo }: { upTo?: Role }) {
  const roles = upTo ? ROLES.slice(0, ROLES.indexOf(upTo) + 1) : ROLES;
  return roles.map((role) => (
    <option key={role} value={role}>
      {ROLE_LABELS[role]}
    </option>
  ));
}

