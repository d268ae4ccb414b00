import 'server-only';
import { db } from '@/lib/db/prisma';

/** Webhook deliveries not yet sent (pending, waiting for a retry, or being sent): the outbox depth. */
export async function countPendingDeliveries(): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS "n" FROM "webhook_delivery" WHERE "status" IN ('pending', 'retrying', 'sending')`;
  return Number(row?.n ?? 0);
}
