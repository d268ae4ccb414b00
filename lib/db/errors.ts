import { RegistryError } from '@/lib/registry';

interface PrismaLikeError {
  code?: string;
  message?: string;
  meta?: { target?: unknown; modelName?: string; driverAdapterError?: { cause?: { originalCode?: string; constraint?: unknown } } };
}

// Prisma's, Postgres's (class 08 connection exceptions, 57P0x shutdown/restart) and the socket's own.
const CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
// What pg says when the server goes away mid-conversation, or a pooled client already saw it go.
const CONNECTION_MESSAGES = /Can't reach database server|Server has closed the connection|ECONNREFUSED|ECONNRESET|Connection terminated|not queryable|terminating connection|database system is (shutting down|starting up|not yet accepting)|timeout exceeded when trying to connect/i;

/**
 * Turns database failures into registry errors the caller can show. Invariant violations raised by the
 * database's own constraints and triggers become CONFLICT or INVALID_TRANSITION, never a 500.
 */
export function mapDbError(error: unknown): unknown {
  if (error instanceof RegistryError || !error || typeof error !== 'object') return error;
  const e = error as PrismaLikeError;
  const message = e.message ?? '';
  const original = e.meta?.driverAdapterError?.cause?.originalCode;

  // Who may serve is checked by the database when a transaction commits (migration serving_guards).
  const serving = /serving_guard: ([^"`\n]*)/.exec(message);
  if (serving) return new RegistryError('CONFLICT', `Refused by the database: ${serving[1]!.trim()}.`);
  if (message.includes('model_name_redirect_reserved') || /still redirects to another model|cannot redirect/.test(message)) {
    return new RegistryError('CONFLICT', 'That name is held by a redirect from a renamed model, or by a model.');
  }
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
  // A registered version's record, or a card revision (migration 20261201141700_release_desk).
  if (/model version \S+ is immutable|model_card_revision rows are immutable|card_outline changes only with the card/.test(message)) {
    return new RegistryError('IMMUTABLE', 'That is part of the registered version and cannot change; only its description, model card, changelog and migration notes may.');
  }
  if (message.includes('is immutable') || message.includes('append-only')) {
    return new RegistryError('CONFLICT', 'Registered versions and audit history cannot be changed.');
  }
  // Credential invariants (prisma/migrations/…_credentials_serving_sso_sign_in): the services check first, so
  // these only fire for a request that raced past them or for SQL run by hand.
  if (message.includes('app_user_service_account_limits')) {
    return new RegistryError('INVALID_ARGUMENT', 'Service accounts cannot be admins and cannot have a password.');
  }
  if (message.includes('api_token_owned_by_creator') || message.includes('must belong to its creator')) {
    return new RegistryError('INVALID_ARGUMENT', 'A token belongs to the person who creates it, or to a service account.');
  }
  if (message.includes('approval_by_person') || message.includes('user_identity_by_person') || message.includes('cannot appear in')) {
    return new RegistryError('FORBIDDEN', 'Service accounts never decide promotion requests and never sign in.');
  }
  if (e.code === 'P2034' || original === '40001' || original === '40P01') {
    return new RegistryError('CONFLICT', 'Another change to the same model happened at the same time. Try again.');
  }
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
