import { RegistryError } from '@/lib/registry';
import { constraintRule } from './constraints';
import { constraintInDetail } from './pg-client';

interface PrismaLikeError {
  code?: string;
  message?: string;
  /** Set by pg itself (raw pg clients such as the export pool). */
  constraint?: unknown;
  /** A DriverAdapterError that reaches us unwrapped (a deferred trigger firing at COMMIT). */
  name?: string;
  cause?: AdapterCause;
  meta?: {
    target?: unknown;
    modelName?: string;
    driverAdapterError?: { cause?: AdapterCause };
  };
}

interface AdapterCause {
  originalCode?: string;
  originalMessage?: string;
  constraint?: { index?: unknown };
  detail?: unknown;
}

function adapterCause(e: PrismaLikeError): AdapterCause | undefined {
  return e.meta?.driverAdapterError?.cause ?? (e.name === 'DriverAdapterError' ? e.cause : undefined);
}

// Prisma's, Postgres's (class 08 connection exceptions, 57P0x shutdown/restart) and the socket's own.
const CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
// What pg says when the server goes away mid-conversation, or a pooled client already saw it go.
const CONNECTION_MESSAGES = /Can't reach database server|Server has closed the connection|ECONNREFUSED|ECONNRESET|Connection terminated|not queryable|terminating connection|database system is (shutting down|starting up|not yet accepting)|timeout exceeded when trying to connect/i;

/**
 * The constraint a database error names: pg's own field, the driver adapter's index (unique and foreign-key
 * violations), or the detail our pg client writes for every other code (lib/db/pg-client.ts).
 */
export function constraintOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as PrismaLikeError;
  const cause = adapterCause(e);
  const candidates = [e.constraint, cause?.constraint?.index, constraintInDetail(cause?.detail)];
  // Prisma's own P2002 (without the adapter's cause) names the index as its target.
  if (e.code === 'P2002' && typeof e.meta?.target === 'string') candidates.push(e.meta.target);
  return candidates.find((c): c is string => typeof c === 'string' && c.length > 0);
}

/**
 * Turns database failures into registry errors the caller can show. Invariant violations raised by the
 * database's own constraints and triggers are looked up by constraint name (lib/db/constraints.ts), never a 500.
 */
export function mapDbError(error: unknown): unknown {
  if (error instanceof RegistryError || !error || typeof error !== 'object') return error;
  const e = error as PrismaLikeError;
  const original = adapterCause(e)?.originalCode;

  const constraint = constraintOf(error);
  const rule = constraint ? constraintRule(constraint) : undefined;
  if (rule) {
    const databaseMessage = adapterCause(e)?.originalMessage ?? e.message ?? '';
    return new RegistryError(rule.code, typeof rule.message === 'function' ? rule.message(databaseMessage) : rule.message);
  }
  if (e.code === 'P2002' || original === '23505') return new RegistryError('CONFLICT', 'That already exists.', { target: e.meta?.target });
  if (e.code === 'P2025') return new RegistryError('NOT_FOUND', 'Not found.');
  if (e.code === 'P2034' || original === '40001' || original === '40P01') {
    return new RegistryError('CONFLICT', 'Another change to the same model happened at the same time. Try again.');
  }
  const message = e.message ?? '';
  if ((e.code && CONNECTION_CODES.has(e.code)) || (original && CONNECTION_CODES.has(original)) || CONNECTION_MESSAGES.test(message)) {
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
