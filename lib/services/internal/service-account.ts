import { RegistryError, SERVICE_ACCOUNT_NAME, serviceAccountEmail, type Role } from '@/lib/registry';
import type { Tx } from '@/lib/db/prisma';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';

/**
 * The named service account, created with `role` if it does not exist yet (audited as a user created by
 * `actor`). Service accounts are never admins: administration stays with people, who sign in.
 */
export async function findOrCreateServiceAccount(tx: Tx, actor: Actor, input: { name: string; role: Role }) {
  if (!SERVICE_ACCOUNT_NAME.test(input.name)) {
    throw new RegistryError('INVALID_ARGUMENT', 'Name service accounts with 2–63 lowercase letters, digits, ".", "_" or "-", e.g. "fraud-pipeline".');
  }
  const email = serviceAccountEmail(input.name);
  const select = { id: true, email: true, role: true, disabled: true, kind: true } as const;
  const existing = await tx.user.findUnique({ where: { email }, select });
  if (existing) {
    if (existing.kind !== 'service') throw new RegistryError('INVALID_ARGUMENT', `${email} is a person's account, not a service account.`);
    return existing;
  }
  if (input.role === 'admin') throw new RegistryError('INVALID_ARGUMENT', 'Service accounts cannot be admins: administration stays with people.');
  const created = await tx.user.create({ data: { email, name: input.name, role: input.role, kind: 'service' }, select });
  await recordAudit(tx, actor, { action: 'user.created', data: { userId: created.id, email, role: created.role, kind: 'service' } });
  return created;
}
