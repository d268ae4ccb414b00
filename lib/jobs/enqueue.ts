// STAND-IN until the lead's job queue lands on main (notes/JOBS-CONTRACT.md): same signature; take main's file.
import type { Tx } from '@/lib/db/prisma';

export interface EnqueueOptions {
  runAt?: Date;
  jobKey?: string;
  maxAttempts?: number;
  queueName?: string;
}

export async function enqueueJob(tx: Tx, task: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json, queue_name => ${options.queueName ?? null}, run_at => ${options.runAt ?? null}::timestamptz, max_attempts => ${options.maxAttempts ?? null}::int, job_key => ${options.jobKey ?? null})`;
}
