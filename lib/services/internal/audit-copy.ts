import { to as copyTo } from 'pg-copy-streams';
import type { PoolClient } from 'pg';
import type { Prisma } from '@/lib/generated/prisma/client';
import { pgPool } from '@/lib/db/pg-pool';
import { db } from '@/lib/db/prisma';

/** Bytes of an export that Postgres itself encodes (`COPY … TO STDOUT`), read from one consistent snapshot. */
export interface AuditCopy {
  /** How many events there are, counted in the same snapshot. */
  total: number;
  /** The next chunk of bytes as Postgres sent them, or null at the end. */
  read(): Promise<Uint8Array | null>;
  /** Gives the connection back; with the failure, when reading failed, so that it is discarded. */
  close(failure?: unknown): Promise<void>;
}

export interface AuditCopyQuery {
  /** The count's condition over `audit_event e`. */
  where: Prisma.Sql;
  /** The `COPY (…) TO STDOUT …` statement for that condition, given it with its values written inline. */
  copy: (where: string) => string;
}

/**
 * A download that stops being read would hold its snapshot and connection for good: COPY is an active
 * statement, so the idle-in-transaction timeout cannot end it. The export gives up after this long unread.
 */
const STALL_MS = 10 * 60_000;
const QUERY_CANCELED = '57014';

/**
 * COPY takes no bind parameters, so the filter's values are written into the statement as literals,
 * escaped as libpq escapes them (E'' with quotes and backslashes doubled). Times as UTC text: the
 * column holds UTC without a zone.
 */
function inline(client: PoolClient, where: Prisma.Sql): string {
  return where.text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = where.values[Number(n) - 1];
    if (value === null || value === undefined) return 'NULL';
    return client.escapeLiteral(value instanceof Date ? value.toISOString() : String(value));
  });
}

/**
 * Opens `COPY (SELECT …) TO STDOUT` in a read-only REPEATABLE READ transaction on a connection of its own:
 * the count and every row come from one snapshot, and Postgres encodes the rows, so the app only passes
 * buffers on. The socket is read only as fast as the download is (pg-copy-streams pauses it otherwise),
 * so memory stays flat however many events there are. A download that ends early cancels the COPY; one
 * that stalls, or fails, discards the connection.
 */
export async function openAuditCopy(query: AuditCopyQuery): Promise<AuditCopy> {
  const client = await pgPool().connect();
  let released = false;
  let stallTimer: NodeJS.Timeout | undefined;
  const release = async (failure?: unknown) => {
    if (released) return;
    released = true;
    clearTimeout(stallTimer);
    let broken = failure;
    if (!broken) await client.query('ROLLBACK').catch((error: unknown) => (broken = error));
    // A failed connection is discarded, not pooled. Released first: the pool listens for errors from then on.
    client.release(broken ? (broken as Error) : undefined);
    client.off('error', onConnectionError);
  };
  // As in audit-rows.ts: a checked-out client whose connection dies emits 'error', which unheard would end
  // the process, and a read under way never settles; the wait for it is failed here.
  let connectionError: Error | null = null;
  let failWaiting: ((error: Error) => void) | null = null;
  const onConnectionError = (error: Error) => {
    connectionError = error;
    failWaiting?.(error);
    void release(error);
  };
  client.on('error', onConnectionError);

  let total: number;
  let backend: number;
  let chunks: AsyncIterator<Buffer>;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const counted = await client.query<{ n: string; pid: number }>({
      text: `SELECT count(*) AS n, pg_backend_pid() AS pid FROM audit_event e WHERE ${query.where.text}`,
      values: query.where.values.map((v) => (v instanceof Date ? v.toISOString() : v)),
    });
    total = Number(counted.rows[0]?.n ?? 0);
    backend = counted.rows[0]!.pid;
    const stream = client.query(copyTo(query.copy(inline(client, query.where))));
    chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  } catch (error) {
    await release(error);
    throw error;
  }
  const watch = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => void release(new Error('the audit export was not read for 10 minutes')), STALL_MS);
    stallTimer.unref();
  };
  watch();
  let finished = false;

  const next = (): Promise<Uint8Array | null> => {
    if (connectionError) return Promise.reject(connectionError);
    if (released) return Promise.reject(new Error('the audit export was closed'));
    return new Promise<Uint8Array | null>((resolve, reject) => {
      failWaiting = reject;
      chunks
        .next()
        .then((step) => {
          finished = step.done === true;
          resolve(step.done ? null : step.value);
        }, reject)
        .finally(() => (failWaiting = null));
    });
  };

  return {
    total,
    read() {
      watch();
      return next();
    },
    async close(failure) {
      if (released) return;
      if (failure) return release(failure);
      if (!finished) {
        // Ended early: the COPY may still be sending. Cancelled (a cancel that finds the COPY done is ignored
        // by an idle server), what it sent before is read off, and the connection is pooled again.
        try {
          await db.$queryRaw`SELECT pg_cancel_backend(${backend}::int)`;
          while ((await next()) !== null);
        } catch (error) {
          if ((error as { code?: string }).code !== QUERY_CANCELED) return release(error);
        }
      }
      await release();
    },
  };
}
