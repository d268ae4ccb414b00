import { RegistryError } from '@/lib/registry';

interface PrismaLikeError {
  code?: string;
  message?: string;
  meta?: { target?: unknown; modelName?: string; driverAdapterError?: { cause?: { originalCode?: string; constraint?: unknown } } };
}

const CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', '57P01', '57P03']);

/**
 * Turns database failures into registry errors the caller can show. Invariant violations raised by the
 * database's own constraints and triggers become CONFLICT or INVALID_TRANSITION, never a 500.
 */
export function mapDbError(error: unknown): unknown {
  if (error instanceof RegistryError || !error || typeof error !== 'object') return error;
  const e = error as PrismaLikeError;
  const message = e.message ?? '';
  const original = e.meta?.driverAdapterError?.cause?.originalCode;

  if (e.code === 'P2002' || original === '23505') {
    if (message.includes('model_version_one_production_per_model') || JSON.stringify(e.meta ?? {}).includes('one_production')) {
      return new RegistryError('CONFLICT', 'Another version became Production at the same moment. Refresh and try again.');
    }
    return new RegistryError('CONFLICT', 'That already exists.', { target: e.meta?.target });
  }
  if (e.code === 'P2025') return new RegistryError('NOT_FOUND', 'Not found.');
  if (message.includes('model_version_stage_transition') || message.includes('stage transition')) {
    return new RegistryError('INVALID_TRANSITION', 'That stage move is not allowed.');
  }
  if (message.includes('is immutable') || message.includes('append-only')) {
    return new RegistryError('CONFLICT', 'Registered versions and audit history cannot be changed.');
  }
  if (e.code === 'P2034' || original === '40001' || original === '40P01') {
    return new RegistryError('CONFLICT', 'Another change to the same model happened at the same time. Try again.');
  }
  if ((e.code && CONNECTION_CODES.has(e.code)) || (original && CONNECTION_CODES.has(original)) || /ECONNREFUSED|Connection terminated|timeout exceeded when trying to connect/i.test(message)) {
    return new RegistryError('UNAVAILABLE', 'The database is unavailable. Try again in a moment.');
  }
  return error;
}

/** Runs `fn`, translating database errors. */
export async function withDbErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw mapDbError(error);
  }
}
