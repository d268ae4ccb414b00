import { db, type Tx } from './prisma';
import { withDbErrors } from './errors';

export type TransactionOptions = NonNullable<Parameters<typeof db.$transaction>[1]>;

/**
 * Runs `fn` in one database transaction and turns what the database refuses (constraints, triggers,
 * serialization failures, a database that went away) into registry errors the caller can show. Every
 * governed change goes through here, so its row and its audit event commit together or not at all.
 */
export function inTransaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return withDbErrors(() => db.$transaction(fn, options));
}
