'use client';

import { toast } from 'sonner';
import { ApiError } from './api-error';

/**
 * The one map from an API error's code to a toast title; the server's message becomes the description.
 * Every mutation hook (governance actions, serving, admin) reports failures through `toastError`.
 */
export const ERROR_TITLES: Partial<Record<ApiError['code'], string>> = {
  CONFLICT: 'Not changed',
  GATE_FAILED: 'Gates failed',
  FORBIDDEN: 'Not allowed',
  INVALID_ARGUMENT: 'Check the input',
  NOT_FOUND: 'Not found',
};

export function errorTitle(error: unknown): string {
  return (error instanceof ApiError ? ERROR_TITLES[error.code] : undefined) ?? 'Not done';
}

export function toastError(error: unknown): void {
  toast.error(errorTitle(error), { description: error instanceof ApiError ? error.message : 'Something went wrong.' });
}
