import 'server-only';
import { cache } from 'react';
import { getToken } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db/prisma';
import type { Role } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';

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
  const id = await sessionUserId();
  return id ? personById(id) : null;
});

/**
 * Whom the session cookie names, without the database: the id the sign-in put into the (encrypted, signed)
 * session token, or null when there is none, it does not decrypt, or it has expired. This is what
 * `getServerSession` finds, without the rest of its work on a server render: it also builds next-auth's whole
 * configuration, a CSRF token, and a re-encrypted session token whose cookie a server component cannot set
 * anyway (~1 ms a request). The cookie is next-auth's: `__Secure-` prefixed when its URL is https.
 */
export const sessionUserId = cache(async (): Promise<string | null> => {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const token = await getToken({
    req: { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
    secureCookie: authOrigin(h).startsWith('https://'),
  });
  return typeof token?.uid === 'string' ? token.uid : null;
});

/** The origin next-auth signs in on (its detectOrigin), which decides the cookie's name. */
function authOrigin(h: Headers): string {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL;
  if (process.env.VERCEL ?? process.env.AUTH_TRUST_HOST) return `${h.get('x-forwarded-proto') === 'http' ? 'http' : 'https'}://`;
  return '';
}

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
