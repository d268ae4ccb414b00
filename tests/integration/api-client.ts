import { NextRequest } from 'next/server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers type their params precisely; tests pass them as given
type RouteHandler = (req: NextRequest, context: { params: Promise<any> }) => Promise<Response>;

/**
 * Calls a route handler the way Next.js does, with a real Request: the same parsing, auth and error
 * mapping a pipeline's HTTP client gets, without starting a server.
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
  return { status: response.status, json: isJson && text ? JSON.parse(text) : text, headers: response.headers };
}
