import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { assertAllowed, canAnywhere, denialReason, RegistryError, visibleModels, type Action } from '@/lib/registry';
import { redirectTarget } from '@/lib/db/queries/model-names';
import { readJson } from './body';
import { resolveCaller, type RequestActor } from './caller';
import { afterLocalWrite } from '@/lib/serving/caches';
import { observed, type ObservedContext } from './observe';
import { secretMatches } from './secret';
import { isRawResponse, PreparedJson, Reply, type AnyContract, type AuthedContract, type PublicContract, type ResponseSpec, type RouteScope } from './contract';
import { toErrorResponse } from './errors';
import { logger } from '@/lib/observability/logger';
import { queryObject } from './query';

type Schema = z.ZodType | undefined;
// Next's context, with the request id the observability wrapper gives every request.
type NextContext = ObservedContext;

// Outside production an answer that does not match its declared schema is a 500, so a handler that drifts
// from its contract fails the tests (and the fuzz suite) instead of shipping an undocumented shape.
const CHECK_RESPONSES = process.env.NODE_ENV !== 'production' || process.env.MODELGATE_CHECK_RESPONSES === '1';

/**
 * A route handler built from its contract: resolves the caller, checks the declared permission on the
 * declared scope through the one central check (`assertAllowed`), parses params, query, headers and body
 * with their schemas, runs the handler and answers JSON (checked against the response schema). Every
 * error becomes the one error shape.
 *
 * ```ts
 * // POST /api/v1/models/:name/rollback – return Production to the last stable version
 * export const POST = route({
 *   summary: 'Roll Production back to the last stable version',
 *   permission: 'model.rollback',
 *   scope: modelParam('name'),
 *   params: ZModelParams,
 *   body: ZRollbackBody,
 *   response: ZRollbackResult,
 *   handler: ({ actor, params, body }) => rollbackModel(actor, { model: params.name, ...body }),
 * });
 * ```
 */
export function route<
  TParams extends Schema = undefined,
  TQuery extends Schema = undefined,
  TBody extends Schema = undefined,
  THeaders extends Schema = undefined,
  TResponse extends ResponseSpec = z.ZodType,
>(contract: AuthedContract<TParams, TQuery, TBody, THeaders, TResponse, RequestActor>) {
  const handler = observed(contract as AnyContract, async (req: NextRequest, context: NextContext): Promise<Response> => {
    try {
      if (contract.secretEnv && secretMatches(req, process.env[contract.secretEnv])) {
        const params = parse(contract.params, (await context.params) ?? {});
        const input = await readInput(contract, req);
        return respond(contract, await contract.handler({ req, actor: null, params, ...input, visibleModels: null } as never), req);
      }
      const actor = await resolveCaller(req);
      // Refuse callers who may do this nowhere before reading anything they sent.
      if (typeof contract.permission === 'string') assertAnywhere(actor, contract.permission);
      const params = parse(contract.params, (await context.params) ?? {});
      const permission = typeof contract.permission === 'string' ? contract.permission : await contract.permission(params as never);
      assertAnywhere(actor, permission);
      const model = await authorize(actor, permission, contract.scope as RouteScope<unknown>, params);
      const input = await readInput(contract, req);
      const result = await contract.handler({ req, actor, params, ...input, visibleModels: contract.scope === 'list' ? visibleModels(actor) : null } as never);
      // A change made through this instance shows in its very next serving answer: the caches drop what
      // the route's model (for registry-wide routes: everything) had. Other instances learn of it from the
      // database's change notification.
      if (!SAFE_METHODS.has(req.method)) afterLocalWrite(model);
      return respond(contract, result, req);
    } catch (error) {
      return toErrorResponse(error, context.requestId);
    }
  });
  return Object.assign(handler, { contract: contract as AnyContract });
}

/** A route anyone may call (health checks, the API description): no caller, no permission. */
export function publicRoute<TParams extends Schema = undefined, TQuery extends Schema = undefined, TResponse extends ResponseSpec = z.ZodType>(
  contract: Omit<PublicContract<TParams, TQuery, TResponse>, 'public'>,
) {
  const full = { ...contract, public: true as const };
  const handler = observed(full as AnyContract, async (req: NextRequest, context: NextContext): Promise<Response> => {
    try {
      const params = parse(full.params, (await context.params) ?? {});
      const input = await readInput(full, req);
      return respond(full, await full.handler({ req, params, ...input } as never), req);
    } catch (error) {
      return toErrorResponse(error, context.requestId);
    }
  });
  return Object.assign(handler, { contract: full as AnyContract });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function assertAnywhere(actor: RequestActor, action: Action): void {
  if (!canAnywhere(actor, action)) throw new RegistryError('FORBIDDEN', `${denialReason(actor.role, action) ?? 'Not allowed'}.`, { action });
}

/**
 * The declared scope decides whose role counts: the model's (grants, token scope) or the global one.
 * Returns the model the route acts on (null for registry-wide and list routes).
 */
async function authorize(actor: RequestActor, action: Action, scope: RouteScope<unknown>, params: unknown): Promise<string | null> {
  if (scope === 'list') return null; // Every reader may list; the rows are limited by `visibleModels`.
  if (scope === 'global') {
    assertAllowed(actor, action, 'global');
    return null;
  }
  const named = await scope.model(params);
  // A former name that redirects to the token's model (after a rename) is that model: looked up only then.
  const model = actor.modelScope && named !== actor.modelScope && (await redirectTarget(named)) === actor.modelScope ? actor.modelScope : named;
  assertAllowed(actor, action, { model });
  return model;
}

function parse(schema: z.ZodType | undefined, value: unknown): unknown {
  return schema ? schema.parse(value) : {};
}

async function readInput(contract: Pick<AnyContract, 'query' | 'headers' | 'body'>, req: NextRequest) {
  return {
    query: contract.query ? contract.query.parse(queryObject(req.nextUrl.searchParams, contract.query)) : {},
    headers: contract.headers ? contract.headers.parse(Object.fromEntries(req.headers.entries())) : {},
    body: contract.body ? contract.body.parse(await readJson(req)) : undefined,
  };
}

function respond(contract: AnyContract, result: unknown, req: NextRequest): Response {
  const spec = contract.response as ResponseSpec;
  if (result instanceof PreparedJson) return respondPrepared(contract, result, req);
  if (result instanceof Response) {
    if (!isRawResponse(spec)) throw new Error(`${contract.summary}: the handler answered a raw Response but declares a JSON schema.`);
    return result;
  }
  const { body, status, headers } = result instanceof Reply ? { body: result.body, status: result.status ?? contract.status ?? 200, headers: result.headers } : { body: result, status: contract.status ?? 200, headers: {} };
  return NextResponse.json(toContract(contract, status, body), { status, headers });
}

/** A prepared answer, or 304 when the caller already has it (If-None-Match: the ETag, a list of them, or *). */
function respondPrepared(contract: AnyContract, result: PreparedJson, req: NextRequest): Response {
  if (!contract.conditional) throw new Error(`${contract.summary}: the handler answered PreparedJson but its contract is not conditional.`);
  const headers = { ...result.headers, ETag: result.etag };
  const ifNoneMatch = req.headers.get('if-none-match');
  if (ifNoneMatch && etagListMatches(ifNoneMatch, result.etag)) return new Response(null, { status: 304, headers });
  if (CHECK_RESPONSES) toContract(contract, contract.status ?? 200, JSON.parse(result.text));
  return new Response(result.text, { status: contract.status ?? 200, headers: { 'content-type': 'application/json', ...headers } });
}

function etagListMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  // Weak comparison, as RFC 9110 asks for If-None-Match: W/"x" matches "x".
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * The answer as its contract declares it: parsed by the response schema, so fields nobody declared never
 * reach a client. A mismatch fails loudly outside production and is logged (and sent as is) in it.
 */
function toContract(contract: AnyContract, status: number, body: unknown): unknown {
  const spec = contract.response as ResponseSpec;
  const schema = status === (contract.status ?? 200) ? spec : contract.otherResponses?.[status]?.schema;
  const wire: unknown = JSON.parse(JSON.stringify(body ?? null));
  const problem = (detail: string) => `${contract.summary}: ${detail}`;
  if (!schema || isRawResponse(schema)) return drift(problem(`answered ${status}, which its contract does not declare.`), wire);
  const checked = schema.safeParse(wire);
  if (checked.success) return checked.data;
  return drift(problem(`the answer does not match its declared schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`), wire);
}

function drift(message: string, wire: unknown): unknown {
  if (CHECK_RESPONSES) throw new Error(message);
  logger.error({ drift: message }, 'response contract drift');
  return wire;
}
