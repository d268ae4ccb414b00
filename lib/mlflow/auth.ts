import 'server-only';
import type { NextRequest } from 'next/server';
import { db } from '@/lib/db/prisma';
import { actorFromToken } from '@/lib/auth/api-token';
import { isCrossSiteBrowserRequest } from '@/lib/auth/cross-site';
import { verifyPassword } from '@/lib/auth/password';
import { beginSignInAttempt, clientAddress, signInFailed, signInKeys, signInSucceeded } from '@/lib/auth/rate-limit';
import { RegistryError } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';

export type MlflowActor = Actor & { id: string };

const HOW = 'Send an API token as a bearer token (MLFLOW_TRACKING_TOKEN) or as the password with your email as the username (MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD).';
const unauthenticated = (message: string) => new RegistryError('UNAUTHENTICATED', message);

/**
 * The caller, as MLflow clients authenticate: `Authorization: Bearer <token>` (MLFLOW_TRACKING_TOKEN),
 * or HTTP Basic (MLFLOW_TRACKING_USERNAME / _PASSWORD) with the user's email and either their password
 * or one of their API tokens. No cookies: these endpoints are for programs, so the session is not read.
 * Basic credentials are ambient, though (a browser that ever had them for this host attaches them by
 * itself), so they are refused on a request another site's page made.
 */
export async function resolveMlflowActor(req: NextRequest): Promise<MlflowActor> {
  const header = req.headers.get('authorization');
  if (!header) throw unauthenticated(`Authentication required. ${HOW}`);
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return actorFromToken(bearer[1]!);
  const basic = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!basic) throw unauthenticated(`Unsupported Authorization header. ${HOW}`);
  if (isCrossSiteBrowserRequest(req.headers)) {
    throw new RegistryError('FORBIDDEN', 'Cross-site request refused: HTTP Basic credentials are not accepted on a request made by another site\'s page. Programs are not affected; browsers should use the app itself.');
  }
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw unauthenticated(`Malformed Basic credentials. ${HOW}`);
  const email = decoded.slice(0, colon).trim().toLowerCase();
  const secret = decoded.slice(colon + 1);
  return secret.startsWith('mgt_') ? tokenAsPassword(email, secret) : passwordActor(email, secret, req);
}

async function tokenAsPassword(email: string, token: string): Promise<MlflowActor> {
  const actor = await actorFromToken(token);
  const owner = await db.user.findUnique({ where: { id: actor.id }, select: { email: true } });
  if (owner?.email.toLowerCase() !== email) throw unauthenticated('The API token does not belong to that username (use your email).');
  return actor;
}

/** Email and password, rate-limited like the sign-in form (failures counted per account and address). */
async function passwordActor(email: string, password: string, req: NextRequest): Promise<MlflowActor> {
  const keys = signInKeys(email, clientAddress(Object.fromEntries(req.headers.entries())));
  const attempt = await beginSignInAttempt(keys);
  if (attempt.limited) throw unauthenticated('Too many failed sign-ins. Wait 15 minutes, or use an API token.');
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, role: true, disabled: true, passwordHash: true, grants: { select: { role: true, model: { select: { name: true } } } } },
  });
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.disabled) {
    await signInFailed();
    throw unauthenticated('Invalid username or password.');
  }
  await signInSucceeded(keys, attempt);
  const grants = Object.fromEntries(user.grants.map((g) => [g.model.name, g.role]));
  return { id: user.id, label: user.email, role: user.role, grants };
}
