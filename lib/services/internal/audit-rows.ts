import QueryStream from 'pg-query-stream';
import type { Prisma } from '@/lib/generated/prisma/client';
import { pgPool } from '@/lib/db/pg-pool';

/** Audit events read in order of id, a batch at a time, from one consistent snapshot. */
export interface AuditRows<Row> {
  /** How many events there are, counted in the same snapshot. */
  total: number;
  /** Up to `max` more events, or null when there are no more. */
  read(max: number): Promise<Row[] | null>;
  /** Gives the connection back; with the failure, when reading failed, so that it is discarded. */
  close(failure?: unknown): Promise<void>;
}

export interface AuditQuery {
  /** The select list over `audit_event e`; it must include the id as "id". */
  select: string;
  where: Prisma.Sql;
}

/** The filter's parameters for plain pg. Times as UTC text: the column holds UTC without a zone. */
function pgValues(where: Prisma.Sql): unknown[] {
  return where.values.map((v) => (v instanceof Date ? v.toISOString() : v));
}

/**
 * Opens the events `query` selects: a server-side cursor in a read-only REPEATABLE READ transaction on a
 * connection of its own, so the count and every row come from one snapshot, and rows are fetched only as
 * fast as they are read.
 */
export async function openAuditRows<Row>(query: AuditQuery): Promise<AuditRows<Row>> {
  const client = await pgPool().connect();
  let released = false;
  const release = async (failure?: unknown) => {
    if (released) return;
    released = true;
    let broken = failure;
    if (!broken) await client.query('ROLLBACK').catch((error: unknown) => (broken = error));
    // A failed connection is discarded, not pooled. Released first: the pool listens for errors from then on.
    client.release(broken ? (broken as Error) : undefined);
    client.off('error', onConnectionError);
  };
  // A checked-out client whose connection dies (the server's idle timeout below, a restart) emits
  // 'error', which unheard would end the process: free its pool slot now, whether or not anyone reads.
  // A cursor read or close under way then never settles (node-postgres #2468, #2642), so the wait for
  // it is failed here. (Not by racing each wait against one long-lived promise: every race would stay
  // attached to it, rows and all, until the export ends.)
  let connectionError: Error | null = null;
  let failWaiting: ((error: Error) => void) | null = null;
  const untilConnectionFails = <T>(step: Promise<T>): Promise<T> =>
    connectionError
      ? Promise.reject(connectionError)
      : new Promise<T>((resolve, reject) => {
          failWaiting = reject;
          step.then(resolve, reject).finally(() => (failWaiting = null));
        });
  const onConnectionError = (error: Error) => {
    connectionError = error;
    failWaiting?.(error);
    void release(error);
  };
  client.on('error', onConnectionError);

  let rows: AsyncIterator<Row>;
  let total: number;
  try {
    const values = pgValues(query.where);
    // A stalled download must not hold a snapshot (and a connection) open forever.
    await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL idle_in_transaction_session_timeout = '10min'`);
    const counted = await client.query<{ n: string }>(`SELECT count(*) AS n FROM audit_event e WHERE ${query.where.text}`, values);
    total = Number(counted.rows[0]?.n ?? 0);
    const stream = new QueryStream(`SELECT ${query.select} FROM audit_event e WHERE ${query.where.text} ORDER BY e.id`, values, { batchSize: 1_000 });
    rows = client.query(stream)[Symbol.asyncIterator]() as AsyncIterator<Row>;
  } catch (error) {
    await release(error);
    throw error;
  }

  return {
    total,
    read(max) {
      return untilConnectionFails(
        (async () => {
          const batch: Row[] = [];
          while (batch.length < max) {
            const next = await rows.next();
            if (next.done) break;
            batch.push(next.value);
          }
          return batch.length > 0 ? batch : null;
        })(),
      );
    },
    async close(failure) {
      // After a failure the connection is discarded as it is; a cursor closed after an error may never settle.
      if (released || failure) return release(failure);
      try {
        // Closes the cursor first (a download ended early), so the connection is free for ROLLBACK.
        await untilConnectionFails<unknown>(rows.return?.() ?? Promise.resolve());
        await release();
      } catch (error) {
        await release(error);
      }
    },
  };
}
