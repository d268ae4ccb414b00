import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { mapDbError } from '@/lib/db/errors';
import { canAnywhere, denialReason, RegistryError, type Action, type ErrorCode } from '@/lib/registry';
import { resolveMlflowActor, type MlflowActor } from './auth';
import { MLFLOW_ERROR_STATUS, toMlflowError, type MlflowErrorBody, type MlflowErrorCode } from './errors';
import { assertJsonContentType } from './request';
import { observed } from '@/lib/http/observe';
import { log } from '@/lib/observability/request-context';
import { afterLocalWrite } from '@/lib/serving/caches';

// Writes that never change what serving answers (a new version starts in no stage; tags and
// descriptions are not served): they leave this instance's serving caches alone.
const NOT_SERVED: ReadonlySet<Action> = new Set(['version.register', 'version.edit', 'model.create']);

type Handler<P> = (args: { req: NextRequest; actor: MlflowActor; params: P }) => Promise<object>;

interface Options {
  permission: Action;
  /** Per-endpoint readings of our error codes, e.g. CONFLICT as RESOURCE_ALREADY_EXISTS on create. */
  errors?: Partial<Record<ErrorCode, MlflowErrorCode>>;
}

/**
 * A 401 names the Bearer scheme, never Basic: a Basic challenge makes a browser prompt for credentials
 * and then attach them by itself to every later request here, other sites' forms included. MLflow
 * clients send their credentials without waiting for a challenge, so they need none.
 */
export function mlflowErrorResponse(body: MlflowErrorBody): NextResponse {
  const headers: Record<string, string> = body.error_code === 'UNAUTHENTICATED' ? { 'WWW-Authenticate': 'Bearer realm="modelgate"' } : {};
  return NextResponse.json(body, { status: MLFLOW_ERROR_STATUS[body.error_code], headers });
}

/** The caller is known, so a missing role on a model means a token restricted to another model. */
function scopeDenial(error: unknown, actor: MlflowActor): unknown {
  if (!(error instanceof RegistryError) || error.code !== 'UNAUTHENTICATED') return error;
  return new RegistryError('FORBIDDEN', actor.modelScope ? `This API token is restricted to the model "${actor.modelScope}".` : error.message);
}

/**
 * Wraps an MLflow endpoint: authenticates the caller as MLflow clients do, checks the permission table
 * (the service then checks the model itself), answers the handler's message as JSON, and maps every
 * error to MLflow's `{error_code, message}` with MLflow's HTTP status.
 */
export function withMlflow<P = Record<string, never>>(handler: Handler<P>, options: Options) {
  const endpoint = { summary: `MLflow ${options.permission}` };
  const run = async (req: NextRequest, context: { params: Promise<P>; requestId?: string }): Promise<Response> => {
    try {
      // Before authentication, so a forged request never even counts as a failed sign-in.
      assertJsonContentType(req);
      const actor = await resolveMlflowActor(req);
      if (!canAnywhere(actor, options.permission)) {
        throw new RegistryError('FORBIDDEN', `${denialReason(actor.role, options.permission) ?? 'Not allowed'}.`);
      }
      const params = ((await context.params) ?? {}) as P;
      const answer = await handler({ req, actor, params }).catch((error: unknown) => Promise.reject(scopeDenial(error, actor)));
      if (req.method !== 'GET' && !NOT_SERVED.has(options.permission)) afterLocalWrite(null);
      return NextResponse.json(answer);
    } catch (thrown) {
      const error = mapDbError(thrown);
      const body = toMlflowError(error, options.errors);
      if (body) return mlflowErrorResponse(body);
      log(context.requestId).error({ err: error }, 'unhandled error in the MLflow API');
      return mlflowErrorResponse({ error_code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. The error has been logged.' });
    }
  };
  const measured = observed(endpoint, (req, context) => run(req, context as { params: Promise<P>; requestId?: string }));
  return (req: NextRequest, context?: { params: Promise<P> }): Promise<Response> => measured(req, context ?? { params: Promise.resolve({}) });
}
