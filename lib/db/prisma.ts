import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { ConstraintNamingClient } from './pg-client';

// One client per process. In development Next.js reloads modules, so the instance lives on globalThis.
const globalForPrisma = globalThis as unknown as { modelgatePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which provides one.');
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast while the database is down instead of queueing requests forever.
    connectionTimeoutMillis: 5_000,
    // Errors keep the name of the constraint or trigger that refused them (lib/db/errors.ts maps by it).
    Client: ConstraintNamingClient,
  });
  // Writes to one model queue on its row lock, so a burst of registrations can wait a while for a
  // connection or the lock: give them 15 s to start (default 2 s) rather than fail under load.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 20_000 } });
}

export const db: PrismaClient = globalForPrisma.modelgatePrisma ?? createClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.modelgatePrisma = db;

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
