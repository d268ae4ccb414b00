import { afterAll, inject } from 'vitest';

// Before any test file imports lib/db/prisma, point it at this run's database.
process.env.DATABASE_URL = inject('databaseUrl');

afterAll(async () => {
  const { db } = await import('@/lib/db/prisma');
  await db.$disconnect();
});
