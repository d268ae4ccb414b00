import { PrismaPg } from '@prisma/adapter-pg';
import { describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { checkDatabase } from '@/lib/db/health';

describe('database health', () => {
  it('is ok against the running database', async () => {
    expect(await checkDatabase()).toEqual({ ok: true });
  });

  it('reports an unreachable database quickly instead of hanging', async () => {
    const dead = new PrismaClient({ adapter: new PrismaPg({ connectionString: 'postgresql://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 1_000 }) });
    const started = Date.now();
    const result = await checkDatabase(dead);
    expect(result.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(4_000);
    await dead.$disconnect();
  });
});
