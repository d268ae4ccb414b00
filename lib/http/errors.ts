import 'server-only';
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { RegistryError, type ErrorCode } from '@/lib/registry';
import { mapDbError } from '@/lib/db/errors';
import { log } from '@/lib/observability/request-context';

const ERROR_STATUS: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  IMMUTABLE: 409,
  GATE_FAILED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function errorResponse(code: ErrorCode, message: string, details?: unknown): NextResponse {
  return NextResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status: ERROR_STATUS[code] });
}

/** Maps anything thrown by a handler to the one error shape; unknown failures are logged (with the request's id) and hidden. */
export function toErrorResponse(thrown: unknown, requestId?: string): NextResponse {
  const error = mapDbError(thrown);
  if (error instanceof RegistryError) return errorResponse(error.code, error.message, error.details);
  if (error instanceof ZodError) {
    return errorResponse('INVALID_ARGUMENT', error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), {
      issues: error.issues.map((i) => ({ path: i.path, message: i.message })),
    });
  }
  log(requestId).error({ err: error }, 'unhandled error');
  return errorResponse('INTERNAL', 'Something went wrong on our side. The error has been logged.');
}
