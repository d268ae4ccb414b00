import pg from 'pg';
import { logger } from '@/lib/observability/logger';
import { registerPool } from '@/lib/observability/metrics';

// A small pool of plain pg connections beside Prisma's, for what Prisma cannot do: streaming a large
// result through a server-side cursor. On globalThis in development, like the Prisma client.
const globalForPool = globalThis as unknown as { modelgatePgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  if (!globalForPool.modelgatePgPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which provides one.');
    globalForPool.modelgatePgPool = new pg.Pool({
      connectionString,
      application_name: 'modelgate-stream',
      max: Number(process.env.DATABASE_STREAM_POOL_SIZE ?? 4),
      connectionTimeoutMillis: 5_000,
    });
    // An idle connection the server drops (a restart, a failover) is reported here. Without a listener
    // Node treats it as an uncaught error and the whole app process exits; the pool already discards it.
    globalForPool.modelgatePgPool.on('error', (error) => logger.warn({ err: error.message }, 'idle export connection lost'));
    registerPool('stream', globalForPool.modelgatePgPool);
  }
  return globalForPool.modelgatePgPool;
}

/** Closes the pool (scripts and tests that end their process cleanly). */
export async function closePgPool(): Promise<void> {
  const pool = globalForPool.modelgatePgPool;
  globalForPool.modelgatePgPool = undefined;
  await pool?.end();
}
