import { afterAll, inject } from 'vitest';

// Before any test file imports lib/db/prisma, point it at this run's database, as the runtime role.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.MODELGATE_AUDIT_SIGNING_KEY = inject('auditSigningKey');

afterAll(async () => {
  const { db } = await import('@/lib/db/prisma');
  await db.$disconnect();
});
