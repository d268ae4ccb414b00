import { NextRequest } from 'next/server';
import { ZError } from '@/lib/api-v1/schemas/common';
import { contractOf, isRawResponse, type ResponseSpec } from '@/lib/http/contract';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers type their params precisely; tests pass them as given
type RouteHandler = (req: NextRequest, context: { params: Promise<any> }) => Promise<Response>;

/**
 * Calls a route handler the way Next.js does, with a real Request: the same parsing, auth and error
 * mapping a pipeline's HTTP client gets, without starting a server. Every JSON answer is checked against
 * the route's declared contract (the schema for its status, or the error shape), so a test fails on an
 * answer the OpenAPI document does not describe.
 */
export async function call(
  handler: RouteHandler,
  options: { method?: string; url?: string; params?: Record<string, string>; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  if (options.body !== undefined || options.rawBody !== undefined) headers.set('content-type', 'application/json');
  const req = new NextRequest(options.url ?? 'http://localhost/api', {
    method: options.method ?? 'GET',
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const response = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('json') && !response.headers.get('content-type')?.includes('ndjson');
  const json: unknown = isJson && text ? JSON.parse(text) : text;
  if (isJson) assertMatchesContract(handler, response.status, json);
  return { status: response.status, json, headers: response.headers };
}

/** The answer must be what the route's contract declares for its status. */
export function assertMatchesContract(handler: unknown, status: number, json: unknown): void {
  const contract = contractOf(handler);
  if (!contract) return;
  const declared = contract.response as ResponseSpec;
  const schema = status >= 400 ? ZError : status === (contract.status ?? 200) ? declared : contract.otherResponses?.[status]?.schema;
  if (!schema) throw new Error(`${contract.summary}: answered ${status}, which its contract does not declare`);
  if (isRawResponse(schema)) return;
  const checked = schema.safeParse(json);
  if (!checked.success) throw new Error(`${contract.summary}: the ${status} answer does not match its contract: ${checked.error.message}`);
}
