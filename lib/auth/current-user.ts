import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db/prisma';
import { isRole, type Role } from '@/lib/registry/roles';
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
  const id = await sessionUserId();
  return id ? personById(id) : null;
});

/**
 * Whom the session cookie names, without the database (next-auth decrypts and checks the token), or null.
 * Once per request, so a layout can start its reads beside the re-read of that person.
 */
export const sessionUserId = cache(async (): Promise<string | null> => (await getServerSession(authOptions))?.user?.id ?? null);

/**
 * The person behind a session as they are now: null when they no longer exist, are disabled, or are not a
 * person. Long-lived streams opened by a session ask again when people or grants change.
 */
export async function personById(id: string): Promise<CurrentUser | null> {
  // One statement (the grants as a JSON array beside the person): this runs on every page and session stream
  // check, and Prisma's nested select cost ~3.5 ms of CPU a page against ~1 ms for this (docs/benchmarks.md).
  const [user] = await db.$queryRaw<PersonRow[]>`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.kind::text AS kind, u.disabled,
           COALESCE((SELECT json_agg(json_build_array(m.name, g.role::text)) FROM model_grant g JOIN registered_model m ON m.id = g.model_id WHERE g.user_id = u.id), '[]'::json) AS grants
    FROM app_user u WHERE u.id = ${id}`;
  // Service accounts never hold a session; refuse one that somehow claims to be one.
  if (!user || user.disabled || user.kind !== 'person' || !isRole(user.role)) return null;
  const grants = Object.fromEntries(user.grants.filter((g): g is [string, Role] => isRole(g[1])));
  return { id: user.id, email: user.email, name: user.name, role: user.role, kind: 'person', label: user.email, grants };
}

interface PersonRow {
  id: string;
  email: string;
  name: string;
  role: string;
  kind: string;
  disabled: boolean;
  grants: [string, string][];
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/signin');
  return user;
}
