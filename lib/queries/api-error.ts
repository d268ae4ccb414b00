import type { ErrorCode } from '@/lib/registry/errors';

/** An error answer from our API, with the code and message the route handler put in `{ error }`. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly status: number;

  constructor(code: ErrorCode | 'NETWORK', message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/** GETs JSON from our API; any non-2xx becomes an ApiError carrying the server's message. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK', 'Could not reach Modelgate. Check your connection and try again.', 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: ErrorCode; message?: string } } | null)?.error;
    throw new ApiError(error?.code ?? 'INTERNAL', error?.message ?? `The server answered ${response.status}.`, response.status);
  }
  return body as T;
}
