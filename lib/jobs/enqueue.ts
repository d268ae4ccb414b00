import type { Tx } from '@/lib/db/prisma';
import type { TaskName } from './tasks';

export interface EnqueueOptions {
  /** Not before this moment (default: now). */
  runAt?: Date;
  /** A job with the same key that has not started yet is replaced, not duplicated (graphile's job_key). */
  jobKey?: string;
  /** Tries before the job is given up (graphile's default is 25, spread over about three days). */
  maxAttempts?: number;
  /** Jobs in one named queue run one at a time, in order. */
  queueName?: string;
}

type Queryable = Pick<Tx, '$executeRaw'>;

/**
 * Queues `task` with `payload` in the caller's transaction: the job commits with the change and its audit
 * row, or not at all (graphile_worker.add_job is plain SQL, so there is no second connection to forget).
 * The task list is the single place tasks are named: lib/jobs/tasks.ts.
 */
export async function enqueueJob(tx: Queryable, task: TaskName, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    identifier => ${task}::text,
    payload => ${JSON.stringify(payload)}::json,
    queue_name => ${options.queueName ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text
  )`;
}
