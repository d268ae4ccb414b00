import { z } from 'zod';
import { RegistryError, type Action, type ErrorCode } from '@/lib/registry';

// The route contract: everything a handler needs and promises, declared in one object next to it. The
// wrapper (`route` in ./route.ts) enforces it and the OpenAPI document (./openapi.ts) is built from it,
// so what is documented is what is checked.

/**
 * What a handler touches, which decides whose role counts (see `roleFor` in lib/registry/access.ts):
 * - `{ model }` — one model, named by its params (or looked up from them, e.g. a request's model);
 * - `'global'` — registry-wide data or settings: the global role only; a model-scoped token is refused;
 * - `'list'` — rows across models: every caller, but the handler must pass `visibleModels` to its query.
 */
export type RouteScope<P> = 'global' | 'list' | { model: (params: P) => string | Promise<string> };

/** The model named by one path parameter, e.g. `modelParam('name')`. */
export function modelParam<K extends string>(key: K): { model: (params: Record<K, string>) => string } {
  return { model: (params) => params[key] };
}

/** The permission the caller needs on the scope: one action, or one chosen by the path (e.g. a protected alias). */
export type RoutePermission<P> = Action | ((params: P) => Action | Promise<Action>);

/** A file or stream answer (exports), described by content types rather than a JSON schema. */
export interface RawResponse {
  raw: readonly string[];
  description: string;
}

export function rawResponse(contentTypes: readonly string[], description: string): RawResponse {
  return { raw: contentTypes, description };
}

export type ResponseSpec = z.ZodType | RawResponse;

export function isRawResponse(spec: ResponseSpec): spec is RawResponse {
  return 'raw' in spec && Array.isArray((spec as RawResponse).raw);
}

type Schema = z.ZodType | undefined;
export type Parsed<S extends Schema, Empty> = S extends z.ZodType ? z.output<S> : Empty;

/** What a JSON answer may hold before serialisation: Dates where the schema has strings. */
export type Wire<T> = T extends string
  ? string extends T
    ? string | Date
    : T
  : T extends readonly (infer U)[]
    ? readonly Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** An answer with a status or headers other than the contract's default. */
export class Reply<T = unknown> {
  constructor(
    readonly body: T,
    readonly status: number | undefined,
    readonly headers: Record<string, string>,
  ) {}
}

export function reply<T>(body: T, init: { status?: number; headers?: Record<string, string> } = {}): Reply<T> {
  return new Reply(body, init.status, init.headers ?? {});
}

/**
 * A JSON answer serialised ahead of the request (the serving cache keeps its answers as text, checked
 * against the schema when they were made), sent as is: 200 with its ETag, or 304 without a body when
 * the caller's If-None-Match names that ETag. Only for contracts that declare `conditional`.
 */
export class PreparedJson {
  constructor(
    readonly text: string,
    readonly etag: string,
    readonly headers: Record<string, string>,
  ) {}
}

export type HandlerResult<R extends ResponseSpec> = R extends RawResponse ? Response : Wire<z.input<R & z.ZodType>> | Reply | PreparedJson;

interface ContractShape<TParams extends Schema, TQuery extends Schema, TBody extends Schema, THeaders extends Schema, TResponse extends ResponseSpec> {
  /** One line for the API reference. */
  summary: string;
  description?: string;
  /** UI-only read models: enforced like any route, left out of the public OpenAPI document. */
  internal?: boolean;
  params?: TParams;
  query?: TQuery;
  body?: TBody;
  headers?: THeaders;
  /** The answer on success, with `status` (default 200). */
  response: TResponse;
  status?: number;
  /** Further success answers by status, e.g. 200 for a replayed create or 503 for a degraded health check. */
  otherResponses?: Record<number, { description: string; schema: z.ZodType }>;
  /** Answers carry an ETag and a matching If-None-Match gets 304 Not Modified (the handler answers `PreparedJson`). */
  conditional?: boolean;
  /**
   * The name of an environment variable holding a shared bearer secret that is accepted instead of a
   * caller with the permission (a Prometheus scraper): when it is set and the bearer matches, the
   * handler runs without a caller. Compared in constant time.
   */
  secretEnv?: string;
  /**
   * The level of a successful answer's access line (default info). The serving reads that fleets poll thousands of
   * times a second say debug: a line each would be most of their cost and of the log's volume, and their rate and
   * latency are in the metrics anyway. An answer of 400 or more is logged at info whatever this says.
   */
  accessLog?: 'info' | 'debug';
  /** Errors beyond those the contract implies (400 for input, 401/403 for callers, 404 for path params, 413 for bodies). */
  errors?: readonly ErrorCode[];
}

export interface HandlerArgs<TParams extends Schema, TQuery extends Schema, TBody extends Schema, THeaders extends Schema> {
  req: Request & { nextUrl: URL };
  params: Parsed<TParams, Record<string, never>>;
  query: Parsed<TQuery, Record<string, never>>;
  body: Parsed<TBody, undefined>;
  headers: Parsed<THeaders, Record<string, never>>;
}

export interface AuthedContract<TParams extends Schema, TQuery extends Schema, TBody extends Schema, THeaders extends Schema, TResponse extends ResponseSpec, TActor>
  extends ContractShape<TParams, TQuery, TBody, THeaders, TResponse> {
  permission: RoutePermission<Parsed<TParams, Record<string, never>>>;
  scope: RouteScope<Parsed<TParams, Record<string, never>>>;
  handler: (
    args: HandlerArgs<TParams, TQuery, TBody, THeaders> & {
      actor: TActor;
      /** For `'list'` routes: the models whose rows the caller may see (null: all). */
      visibleModels: readonly string[] | null;
    },
  ) => Promise<HandlerResult<TResponse>> | HandlerResult<TResponse>;
}

export interface PublicContract<TParams extends Schema, TQuery extends Schema, TResponse extends ResponseSpec> extends ContractShape<TParams, TQuery, undefined, undefined, TResponse> {
  public: true;
  handler: (args: HandlerArgs<TParams, TQuery, undefined, undefined>) => Promise<HandlerResult<TResponse>> | HandlerResult<TResponse>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the OpenAPI builder and tests read contracts of every shape
export type AnyContract = AuthedContract<any, any, any, any, any, any> | PublicContract<any, any, any>;

/** A Next.js route handler that carries its contract, for the OpenAPI builder and the tests. */
export type ContractHandler = ((req: never, context: never) => Promise<Response>) & { contract: AnyContract };

export function contractOf(value: unknown): AnyContract | null {
  return typeof value === 'function' && 'contract' in value ? ((value as ContractHandler).contract ?? null) : null;
}

/**
 * For `'list'` routes: a filter on one model that the caller may not see is refused rather than answered
 * with an empty list, so a restricted token learns it asked for the wrong model.
 */
export function assertVisible(visibleModels: readonly string[] | null, model: string | undefined): void {
  if (model === undefined || visibleModels === null || visibleModels.includes(model)) return;
  throw new RegistryError('FORBIDDEN', `This token is restricted to the model "${visibleModels.join('", "')}".`);
}

/**
 * The answer of a UI-only read model (board, trend, compare…): typed by the interface its component
 * reads, not part of the public contract, so it is left out of the OpenAPI document (mark the route
 * `internal: true`).
 */
export function readModel<T>(id: string): z.ZodType<T> {
  return z.custom<T>(() => true).meta({ id });
}
