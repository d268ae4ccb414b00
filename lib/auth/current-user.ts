import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db/prisma';
import type { Role } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { authOptions } from './options';

export interface CurrentUser extends Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The signed-in user, re-read from the database on every request so that a role change or a disabled
 * account takes effect at once rather than when the session token expires.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  return id ? personById(id) : null;
});

/**
 * The person behind a session as they are now: null when they no longer exist, are disabled, or are not a
 * person. Long-lived streams opened by a session ask again when people or grants change.
 */
export async function personById(id: string): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, kind: true, disabled: true, grants: { select: { role: true, model: { select: { name: true } } } } },
  });
  // Service accounts never hold a session; refuse one that somehow claims to be one.
  if (!user || user.disabled || user.kind !== 'person') return null;
  const grants = Object.fromEntries(user.grants.map((g) => [g.model.name, g.role]));
  return { id: user.id, email: user.email, name: user.name, role: user.role, kind: user.kind, label: user.email, grants };
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/signin');
  return user;
}
