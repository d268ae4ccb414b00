// The job queue (graphile-worker) as the app uses it: a job queued in a transaction exists only if the
// transaction commits, the app's runtime role runs jobs without owning the queue's schema, and a job that
// fails is retried, not lost.
import type { TaskList } from 'graphile-worker';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { inTransaction } from '@/lib/db/transaction';
import { enqueueJob } from '@/lib/jobs/enqueue';
import type { TaskName } from '@/lib/jobs/tasks';
import { runQueuedJobs } from '../fixtures';

/**
 * A task only this file queues and runs (other files drain their own tasks from the same queue at the same
 * time), recording what ran; the real tasks are tested with their features.
 */
const PROBE = 'job_queue_probe' as TaskName;
function recorder() {
  const ran: unknown[] = [];
  const taskList: TaskList = { [PROBE]: async (payload: unknown) => void ran.push(payload) };
  return { ran, taskList };
}

// The jobs view leaves payloads out; the test reads graphile's private table (never the app).
const queued = async (marker: string) =>
  Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload->>'marker' = ${marker}`)[0]!.n);

describe('the job queue', () => {
  it('queues a job with the transaction that asked for it, and runs it', async () => {
    const marker = `committed-${Date.now()}`;
    await inTransaction((tx) => enqueueJob(tx, PROBE, { marker }));
    expect(await queued(marker)).toBe(1);
    const { ran, taskList } = recorder();
    await runQueuedJobs(taskList);
    expect(ran).toContainEqual({ marker });
    // graphile-worker records a job's end without awaiting it before runOnce returns: give that write its moment.
    await expect.poll(() => queued(marker), { timeout: 5_000 }).toBe(0);
  });

  it('drops the job when the transaction rolls back', async () => {
    const marker = `rolled-back-${Date.now()}`;
    await expect(
      inTransaction(async (tx) => {
        await enqueueJob(tx, PROBE, { marker });
        throw new Error('the change was refused');
      }),
    ).rejects.toThrow('the change was refused');
    expect(await queued(marker)).toBe(0);
  });

  it('keeps one waiting job per job key', async () => {
    const marker = `keyed-${Date.now()}`;
    for (let i = 0; i < 3; i++) await enqueueJob(db, PROBE, { marker }, { jobKey: marker, runAt: new Date(Date.now() + 60_000) });
    expect(await queued(marker)).toBe(1);
  });

  it('retries a job whose task failed, with the error recorded', async () => {
    const marker = `failing-${Date.now()}`;
    await enqueueJob(db, PROBE, { marker }, { maxAttempts: 3 });
    await runQueuedJobs({ [PROBE]: async () => Promise.reject(new Error('SMTP server said no')) });
    const job = async () =>
      (await db.$queryRaw<{ attempts: number; last_error: string | null }[]>`
        SELECT attempts, last_error FROM graphile_worker._private_jobs WHERE payload->>'marker' = ${marker}`)[0];
    // The failure is written after runOnce returns (graphile-worker does not await it), as the end of a job above.
    await expect.poll(job, { timeout: 5_000 }).toMatchObject({ attempts: 1, last_error: expect.stringContaining('SMTP server said no') });
  });

  it('is the owner’s schema: the app’s role uses the queue but cannot change it', async () => {
    await expect(db.$executeRawUnsafe('DROP TABLE graphile_worker._private_jobs')).rejects.toThrow(/must be owner|permission denied/);
    await expect(db.$executeRawUnsafe('CREATE TABLE graphile_worker.shadow (id int)')).rejects.toThrow(/permission denied/);
  });
});
