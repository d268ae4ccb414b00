import { z } from 'zod';
import { assertAllowed, ROLES, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import { hashPassword } from '@/lib/auth/password';
import type { Actor } from './actor';
import { recordAudit } from './audit';

export const ZCreateUserInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password: z.string().min(8, 'Passwords need at least 8 characters.').max(1000),
});
export type CreateUserInput = z.input<typeof ZCreateUserInput>;

export async function createUser(actor: Actor, rawInput: CreateUserInput) {
  assertAllowed(actor, 'users.manage', 'global');
  const input = ZCreateUserInput.parse(rawInput);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new RegistryError('CONFLICT', `A user with email ${input.email} already exists.`);
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordAudit(tx, actor, { action: 'user.created', data: { userId: user.id, email: user.email, role: user.role } });
    return user;
  });
}
