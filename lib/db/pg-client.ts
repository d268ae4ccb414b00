import pg from 'pg';

/**
 * Where a database error names its constraint, for Prisma's driver adapter. Postgres reports the constraint
 * of every trigger's RAISE (`USING CONSTRAINT = …`), of CHECKs and of unique indexes in its own error field,
 * and pg keeps it (`error.constraint`), but @prisma/adapter-pg passes it on only for unique and foreign-key
 * violations: for every other code it keeps the code, message, detail and hint. This client copies the name
 * into the detail, which the adapter keeps, so lib/db/errors.ts can map every invariant by its name.
 */
const MARK = 'modelgate.constraint=';

interface PgErrorFields {
  constraint?: unknown;
  detail?: unknown;
}

function nameConstraint(error: unknown): unknown {
  if (!error || typeof error !== 'object') return error;
  const e = error as PgErrorFields;
  if (typeof e.constraint === 'string' && !(typeof e.detail === 'string' && e.detail.startsWith(MARK))) {
    e.detail = `${MARK}${e.constraint}${typeof e.detail === 'string' && e.detail ? ` ${e.detail}` : ''}`;
  }
  return error;
}

/** The constraint a detail written by this client names, if any. */
export function constraintInDetail(detail: unknown): string | undefined {
  if (typeof detail !== 'string' || !detail.startsWith(MARK)) return undefined;
  return detail.slice(MARK.length).split(' ', 1)[0] || undefined;
}

/** pg's client, with errors that name their constraint in the detail too (pass as the pool's `Client`). */
export class ConstraintNamingClient extends pg.Client {
  // pg's query() has many overloads (promise, callback, submittable); this wraps each the same way, and is
  // typed `never` only so that it satisfies every overload's return type.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => (last as (e: unknown, r: unknown) => void)(nameConstraint(error), result);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<unknown>).catch((error: unknown) => Promise.reject(nameConstraint(error))) as never;
    }
    return result as never;
  }
}
