import type { ErrorCode } from '@/lib/registry/errors';
import { ApiError } from './api-error';

/** Sends JSON to our API with any method; a non-2xx answer becomes an ApiError with the server's code and message. */
export function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  return sendJsonWithHeaders<T>(method, url, body, {});
}

/** sendJson with extra request headers (an Idempotency-Key). */
export async function sendJsonWithHeaders<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: unknown, extra: Record<string, string>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { ...extra, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK', 'Could not reach Modelgate. Check your connection and try again.', 0);
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (json as { error?: { code?: ErrorCode; message?: string } } | null)?.error;
    throw new ApiError(error?.code ?? 'INTERNAL', error?.message ?? `The server answered ${response.status}.`, response.status);
  }
  return json as T;
}

/** POSTs JSON to our API; a non-2xx answer becomes an ApiError with the server's code and message. */
export function postJson<T>(url: string, body: unknown): Promise<T> {
  return sendJson<T>('POST', url, body);
}
