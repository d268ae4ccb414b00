import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { ZodError } from 'zod';
import { canAnywhere, RegistryError, denialReason, type Action, type ErrorCode } from '@/lib/registry';
import { mapDbError } from '@/lib/db/errors';
import { getCurrentUser } from '@/lib/auth/current-user';
import { actorFromToken } from '@/lib/auth/api-token';
import { redirectTarget } from '@/lib/db/queries/model-names';
import type { Actor } from '@/lib/services/actor';

const STATUS: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  GATE_FAILED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function errorResponse(code: ErrorCode, message: string, details?: unknown): NextResponse {
  return NextResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status: STATUS[code] });
}

/** Maps anything thrown by a handler to the one error shape; unknown failures are logged and hidden. */
export function toErrorResponse(thrown: unknown): NextResponse {
  const error = mapDbError(thrown);
  if (error instanceof RegistryError) return errorResponse(error.code, error.message, error.details);
  if (error instanceof ZodError) {
    return errorResponse('INVALID_ARGUMENT', error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), {
      issues: error.issues.map((i) => ({ path: i.path, message: i.message })),
    });
  }
  console.error('[modelgate] unhandled error', error);
  return errorResponse('INTERNAL', 'Something went wrong on our side. The error has been logged.');
}

type RouteContext<P> = { params: Promise<P> };
export type RequestActor = Actor & { id: string; via: 'session' | 'token' };
type Handler<P> = (args: { req: NextRequest; params: P; user: RequestActor }) => Promise<Response> | Response;

/** The caller: a bearer API token when one is sent, else the browser session. */
async function resolveActor(req: NextRequest): Promise<RequestActor> {
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

/**
 * Wraps a route handler: resolves the signed-in user, checks the permission table, and maps errors.
 * Every handler goes through it, so none can forget the check.
 */
export function withUser<P = Record<string, never>>(handler: Handler<P>, options: { permission: Action }) {
  return async (req: NextRequest, context: RouteContext<P>): Promise<Response> => {
    try {
      const user = await resolveActor(req);
      // Per-model grants may allow the action on some model; the service then checks the model itself.
      if (!canAnywhere(user, options.permission)) {
        throw new RegistryError('FORBIDDEN', `${denialReason(user.role, options.permission) ?? 'Not allowed'}.`, { action: options.permission });
      }
      const params = await context.params;
      // A token restricted to one model touches nothing of another, reads included.
      const model = (params as Record<string, unknown> | undefined)?.name ?? (params as Record<string, unknown> | undefined)?.model;
      // A former name that redirects to the token's model (after a rename) is that model: looked up only then.
      if (user.modelScope && typeof model === 'string' && model !== user.modelScope && (await redirectTarget(model)) !== user.modelScope) {
        throw new RegistryError('FORBIDDEN', `This token is restricted to the model "${user.modelScope}".`);
      }
      return await handler({ req, params, user });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
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

const MAX_BODY_BYTES = 1_000_000;

/** Reads a JSON body with a size limit; a malformed or oversized body is the client's mistake, not a 500. */
export async function readJson(req: NextRequest): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new RegistryError('PAYLOAD_TOO_LARGE', 'Request bodies are limited to 1 MB.');
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new RegistryError('PAYLOAD_TOO_LARGE', 'Request bodies are limited to 1 MB.');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new RegistryError('INVALID_ARGUMENT', 'The request body is not valid JSON.');
  }
}
