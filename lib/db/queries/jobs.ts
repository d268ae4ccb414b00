import 'server-only';
import { db } from '@/lib/db/prisma';

/** The job queue at a glance: jobs waiting (due or not), and jobs that used up their attempts. */
export async function countJobs(): Promise<{ waiting: number; failed: number }> {
  const [row] = await db.$queryRaw<{ waiting: bigint; failed: bigint }[]>`
    SELECT count(*) FILTER (WHERE attempts < max_attempts) AS waiting, count(*) FILTER (WHERE attempts >= max_attempts) AS failed
    FROM graphile_worker.jobs`;
  return { waiting: Number(row?.waiting ?? 0), failed: Number(row?.failed ?? 0) };
}
