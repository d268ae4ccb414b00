import 'server-only';
import type { NextRequest } from 'next/server';
import { RegistryError } from '@/lib/registry';
import { getCurrentUser } from '@/lib/auth/current-user';
import { actorFromToken } from '@/lib/auth/api-token';
import type { Actor } from '@/lib/services/actor';

export type RequestActor = Actor & { id: string; via: 'session' | 'token' };

/** The caller: a bearer API token when one is sent, else the browser session. */
export async function resolveCaller(req: NextRequest): Promise<RequestActor> {
  const authorization = req.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new RegistryError('UNAUTHENTICATED', 'Send the API token as "Authorization: Bearer <token>".');
    return { ...(await actorFromToken(match[1]!)), via: 'token' };
  }
  assertSameOrigin(req);
  const user = await getCurrentUser();
  if (!user) throw new RegistryError('UNAUTHENTICATED', 'Sign in to continue.');
  return { ...user, via: 'session' };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated mutations must come from our own pages (bearer-token calls carry no ambient
 * credentials, so they need no such check): a browser always sends Origin on a
 * cross-site POST, and a forged one from another site is refused here (SameSite=Lax cookies are the
 * first line; this is the second).
 */
function assertSameOrigin(req: NextRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get('origin');
  if (!origin) return; // Non-browser clients (curl, pipelines) send none.
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new RegistryError('FORBIDDEN', 'Cross-site request refused.');
  }
  if (originHost !== host) throw new RegistryError('FORBIDDEN', 'Cross-site request refused.');
}
