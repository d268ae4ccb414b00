import { can, lowerRole, type Role } from '@/lib/registry';

export interface ServiceAccountOption {
  name: string;
  role: Role;
}

/** The owner select's value: yourself, an existing service account, or a new one named in the form. */
export type OwnerChoice = { type: 'self' } | { type: 'service'; name: string } | { type: 'new-service' };

export const encodeOwner = (owner: OwnerChoice) => (owner.type === 'service' ? `service:${owner.name}` : owner.type);

export function decodeOwner(value: string): OwnerChoice {
  if (value.startsWith('service:')) return { type: 'service', name: value.slice('service:'.length) };
  return value === 'new-service' ? { type: 'new-service' } : { type: 'self' };
}

/**
 * The highest role the token may get: yours, the service account's, or for a new service account at most
 * approver (service accounts are never admins). The server checks the same.
 */
export function ownerCeiling(owner: OwnerChoice, you: Role, accounts: ServiceAccountOption[]): Role {
  if (owner.type === 'self') return you;
  if (owner.type === 'new-service') return lowerRole(you, 'approver');
  return accounts.find((a) => a.name === owner.name)?.role ?? 'viewer';
}

/** Why this owner cannot hold a serving token, or null. */
export function servingDenial(ceiling: Role): string | null {
  return can(ceiling, 'health.report') ? null : 'This owner may not report health, so it cannot hold a serving token. Pick another owner.';
}
