import { ZodError } from 'zod';
import { RegistryError, type ErrorCode } from '@/lib/registry';

/**
 * MLflow's error codes and the HTTP status each is sent with (mlflow/exceptions.py,
 * ERROR_CODE_TO_HTTP_STATUS), for the codes this API answers with.
 *
 * One deliberate difference: MLflow sends INVALID_STATE as 500, and its Python client retries every 500
 * (seven times, with exponential backoff) before giving up without the message. Governance refusals
 * ("nothing in Production is deleted", failing gates) are final answers, so they go out as 400.
 */
export const MLFLOW_ERROR_STATUS = {
  INVALID_PARAMETER_VALUE: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  INVALID_STATE: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  INTERNAL_ERROR: 500,
  TEMPORARILY_UNAVAILABLE: 503,
} as const;

export type MlflowErrorCode = keyof typeof MLFLOW_ERROR_STATUS;

/** An error already in MLflow's terms, thrown by the MLflow layer itself (parsers, lookups). */
export class MlflowError extends Error {
  readonly errorCode: MlflowErrorCode;

  constructor(errorCode: MlflowErrorCode, message: string) {
    super(message);
    this.name = 'MlflowError';
    this.errorCode = errorCode;
  }
}

const FROM_REGISTRY: Record<ErrorCode, MlflowErrorCode> = {
  INVALID_ARGUMENT: 'INVALID_PARAMETER_VALUE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'PERMISSION_DENIED',
  NOT_FOUND: 'RESOURCE_DOES_NOT_EXIST',
  // CONFLICT is "not in a state that allows this" (or a race lost); create and rename override it to
  // RESOURCE_ALREADY_EXISTS, the one kind of conflict MLflow has a code for.
  CONFLICT: 'INVALID_STATE',
  INVALID_TRANSITION: 'INVALID_PARAMETER_VALUE',
  IMMUTABLE: 'INVALID_STATE',
  GATE_FAILED: 'INVALID_STATE',
  PAYLOAD_TOO_LARGE: 'INVALID_PARAMETER_VALUE',
  UNAVAILABLE: 'TEMPORARILY_UNAVAILABLE',
  INTERNAL: 'INTERNAL_ERROR',
};

export interface MlflowErrorBody {
  error_code: MlflowErrorCode;
  message: string;
}

/** Anything thrown while serving an MLflow request, as MLflow's error body; null for unexpected failures. */
export function toMlflowError(thrown: unknown, overrides: Partial<Record<ErrorCode, MlflowErrorCode>> = {}): MlflowErrorBody | null {
  if (thrown instanceof MlflowError) return { error_code: thrown.errorCode, message: thrown.message };
  if (thrown instanceof RegistryError) return { error_code: overrides[thrown.code] ?? FROM_REGISTRY[thrown.code], message: thrown.message };
  if (thrown instanceof ZodError) {
    const message = thrown.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    return { error_code: 'INVALID_PARAMETER_VALUE', message };
  }
  return null;
}
