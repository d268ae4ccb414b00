import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { assertAllowed, canAnywhere, denialReason, RegistryError, visibleModels, type Action } from '@/lib/registry';
import { redirectTarget } from '@/lib/db/queries/model-names';
import { readJson } from './body';
import { resolveCaller, type RequestActor } from './caller';
import { isRawResponse, Reply, type AnyContract, type AuthedContract, type PublicContract, type ResponseSpec, type RouteScope } from './contract';
import { toErrorResponse } from './errors';
import { queryObject } from './query';

type Schema = z.ZodType | undefined;
type NextContext = { params: Promise<unknown> };

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
  const handler = async (req: NextRequest, context: NextContext): Promise<Response> => {
    try {
      const actor = await resolveCaller(req);
      // Refuse callers who may do this nowhere before reading anything they sent.
      if (typeof contract.permission === 'string') assertAnywhere(actor, contract.permission);
      const params = parse(contract.params, (await context.params) ?? {});
      const permission = typeof contract.permission === 'string' ? contract.permission : await contract.permission(params as never);
      assertAnywhere(actor, permission);
      await authorize(actor, permission, contract.scope as RouteScope<unknown>, params);
      const input = await readInput(contract, req);
      const result = await contract.handler({ req, actor, params, ...input, visibleModels: contract.scope === 'list' ? visibleModels(actor) : null } as never);
      return respond(contract, result);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
  return Object.assign(handler, { contract: contract as AnyContract });
}

/** A route anyone may call (health checks, the API description): no caller, no permission. */
export function publicRoute<TParams extends Schema = undefined, TQuery extends Schema = undefined, TResponse extends ResponseSpec = z.ZodType>(
  contract: Omit<PublicContract<TParams, TQuery, TResponse>, 'public'>,
) {
  const full = { ...contract, public: true as const };
  const handler = async (req: NextRequest, context: NextContext): Promise<Response> => {
    try {
      const params = parse(full.params, (await context.params) ?? {});
      const input = await readInput(full, req);
      return respond(full, await full.handler({ req, params, ...input } as never));
    } catch (error) {
      return toErrorResponse(error);
    }
  };
  return Object.assign(handler, { contract: full as AnyContract });
}

function assertAnywhere(actor: RequestActor, action: Action): void {
  if (!canAnywhere(actor, action)) throw new RegistryError('FORBIDDEN', `${denialReason(actor.role, action) ?? 'Not allowed'}.`, { action });
}

/** The declared scope decides whose role counts: the model's (grants, token scope) or the global one. */
async function authorize(actor: RequestActor, action: Action, scope: RouteScope<unknown>, params: unknown): Promise<void> {
  if (scope === 'list') return; // Every reader may list; the rows are limited by `visibleModels`.
  if (scope === 'global') return assertAllowed(actor, action, 'global');
  const named = await scope.model(params);
  // A former name that redirects to the token's model (after a rename) is that model: looked up only then.
  const model = actor.modelScope && named !== actor.modelScope && (await redirectTarget(named)) === actor.modelScope ? actor.modelScope : named;
  assertAllowed(actor, action, { model });
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

function respond(contract: AnyContract, result: unknown): Response {
  const spec = contract.response as ResponseSpec;
  if (result instanceof Response) {
    if (!isRawResponse(spec)) throw new Error(`${contract.summary}: the handler answered a raw Response but declares a JSON schema.`);
    return result;
  }
  const { body, status, headers } = result instanceof Reply ? { body: result.body, status: result.status ?? contract.status ?? 200, headers: result.headers } : { body: result, status: contract.status ?? 200, headers: {} };
  return NextResponse.json(toContract(contract, status, body), { status, headers });
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
  console.error('[modelgate] response contract drift', message);
  return wire;
}
