import { AsyncLocalStorage } from 'node:async_hooks';
import { db, type Tx } from './prisma';
import { withDbErrors } from './errors';

export type TransactionOptions = NonNullable<Parameters<typeof db.$transaction>[1]>;

/**
 * What a bulk operation (lib/services/apply-portfolio.ts) asks of the one-item service it calls:
 * - `dryRun`: run the service's transaction to its end — every check, every write, its audit row — and
 *   then roll it back, answering what it would have returned. A preview is the real service, not a copy
 *   of its rules.
 * - `beforeCommit`: one more write in the service's own transaction (the operation's result row for this
 *   item), so the change, its audit event and its recorded outcome commit together or not at all.
 */
export interface TransactionContext {
  dryRun?: boolean;
  beforeCommit?: (tx: Tx, result: unknown) => Promise<void>;
  /** Filled in: the audit events the service wrote in its transaction (what a preview promises, exactly). */
  events?: string[];
}

const context = new AsyncLocalStorage<TransactionContext>();

class DryRunRollback {
  constructor(readonly result: unknown) {}
}

/** Runs `work` with `ctx` applying to the first transaction it opens (nested calls see none). */
export function withTransactionContext<T>(ctx: TransactionContext, work: () => Promise<T>): Promise<T> {
  return context.run(ctx, work);
}

/**
 * Runs `fn` in one database transaction and turns what the database refuses (constraints, triggers,
 * serialization failures, a database that went away) into registry errors the caller can show. Every
 * governed change goes through here, so its row and its audit event commit together or not at all.
 */
export async function inTransaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  const ctx = context.getStore();
  if (!ctx || (!ctx.dryRun && !ctx.beforeCommit)) return withDbErrors(() => db.$transaction(fn, options));
  try {
    return await withDbErrors(() =>
      db.$transaction(async (tx) => {
        // Only the outermost transaction of the item carries the context.
        const result = await context.run({}, () => fn(tx));
        // The rows this transaction inserted carry its transaction id.
        const events = await tx.$queryRaw<{ action: string }[]>`SELECT "action" FROM "audit_event" WHERE xmin = pg_current_xact_id()::xid ORDER BY "id"`;
        ctx.events = events.map((e) => e.action);
        if (ctx.dryRun) {
          // Deferred checks (the serving guards) would run at COMMIT: run them now, so the preview sees them.
          await tx.$executeRaw`SET CONSTRAINTS ALL IMMEDIATE`;
          throw new DryRunRollback(result);
        }
        await ctx.beforeCommit?.(tx, result);
        return result;
      }, options),
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as T;
    throw error;
  }
}
