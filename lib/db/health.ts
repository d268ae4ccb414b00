import type { PrismaClient } from '@/lib/generated/prisma/client';
import { db } from './prisma';

const TIMEOUT_MS = 3_000;

/** One round trip to Postgres, bounded so a hung database answers 503 quickly rather than never. */
export async function checkDatabase(client: PrismaClient = db): Promise<{ ok: true } | { ok: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: /ECONNREFUSED|connect/i.test(message) ? 'connection refused' : message.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}
