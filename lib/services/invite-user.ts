import { randomBytes } from 'node:crypto';
import type { Role } from '@/lib/registry';
import type { Actor } from './actor';
import { createUser } from './create-user';

/** Creates a user; without a password, generates a one-time one that the caller shows once. */
export async function inviteUser(actor: Actor, input: { email: string; name: string; role: Role; password?: string }) {
  const oneTimePassword = input.password ? null : randomBytes(12).toString('base64url');
  const user = await createUser(actor, { ...input, password: input.password ?? oneTimePassword! });
  return { user, oneTimePassword };
}
