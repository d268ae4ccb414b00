import { Logger, parseCronItems, run, type Runner, type TaskList } from 'graphile-worker';
import pg from 'pg';
import { logger } from '@/lib/observability/logger';
import { registerPool } from '@/lib/observability/metrics';
import { SCHEDULE } from './schedule';
import { TASKS } from './tasks';

const globalForJobs = globalThis as unknown as { modelgateJobRunner?: Promise<Runner | null> };

/** graphile-worker's log lines, in our JSON logs (its debug chatter stays out). */
export const jobLogger = new Logger((scope) => (level, message, meta) => {
  const fields = { ...scope, ...(meta as object | undefined), component: 'jobs' };
  if (level === 'error') logger.error(fields, message);
  else if (level === 'warning') logger.warn(fields, message);
  else if (level === 'info') logger.info(fields, message);
});

/**
 * The job queue's worker and scheduler in this app process (graphile-worker). Every process runs one: jobs
 * are taken with SKIP LOCKED and each cron tick is queued by exactly one of them, so instances are equal
 * and any of them can die. One job at a time per process: jobs are short (an e-mail, a retention pass).
 * Off with MODELGATE_JOBS=off (the benchmarks, or an instance kept for serving only).
 */
export function startJobRunner(): Promise<Runner | null> {
  if (process.env.MODELGATE_JOBS === 'off' || !process.env.DATABASE_URL) return Promise.resolve(null);
  globalForJobs.modelgateJobRunner ??= (async () => {
    // A small pool of its own: one connection LISTENs for new jobs, one runs them, one for the scheduler.
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3, connectionTimeoutMillis: 5_000 });
    // An error on an idle connection, or on a checked-out one between queries (the database restarting),
    // must not crash the process: the pool or graphile replaces the connection.
    pool.on('error', (error) => logger.warn({ err: error.message }, 'idle job-queue connection lost'));
    pool.on('connect', (client) => client.on('error', (error) => logger.warn({ err: error.message }, 'job-queue connection lost')));
    registerPool('jobs', pool);
    const runner = await run({
      pgPool: pool,
      concurrency: 1,
      // Next.js owns the process's signals; we stop the runner when it shuts down (below).
      noHandleSignals: true,
      pollInterval: 2_000,
      logger: jobLogger,
      taskList: TASKS as unknown as TaskList,
      parsedCronItems: parseCronItems(SCHEDULE),
    });
    const stop = () => void runner.stop().catch(() => {});
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return runner;
  })().catch((error: unknown) => {
    // The app serves without its queue rather than not at all; /api/health reports the database itself.
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'job queue did not start');
    globalForJobs.modelgateJobRunner = undefined;
    return null;
  });
  return globalForJobs.modelgateJobRunner;
}
