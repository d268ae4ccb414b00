import { spawn, type SpawnOptions } from 'node:child_process';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { installJobQueue, jobQueueIsCurrent } from './job-queue';
import { applyMigrations } from './migrate';

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrFail(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  const code = await run(command, args, options);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}

export const bin = (name: string) => `node_modules/.bin/${name}`;

/**
 * Applies the committed migrations, recorded as `prisma migrate deploy` records them (scripts/lib/migrate.ts:
 * each file whole, in one transaction, so function bodies can be $$-quoted), then the job queue's own schema
 * (scripts/lib/job-queue.ts).
 */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  await applyMigrations(databaseUrl);
  await installJobQueue(databaseUrl);
}

/**
 * Whether every committed migration is already applied: then `npm start` skips spawning Prisma's CLI,
 * which would do nothing but costs about 1.5 s. Any doubt (no table yet, a failed or missing one) says no.
 */
export async function migrationsAreCurrent(databaseUrl: string): Promise<boolean> {
  const committed = readdirSync('prisma/migrations', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.name));
    return committed.every((name) => applied.has(name)) && (await jobQueueIsCurrent(client));
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
