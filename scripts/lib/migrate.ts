// Applies prisma/migrations/*/migration.sql the way `prisma migrate deploy` does, without Prisma's CLI.
//
// Why: on machines without Prisma's native schema engine the CLI runs migrations through a stand-in that
// hands each script to @prisma/adapter-pg's executeScript, which cuts it at every ";" — also inside a
// $$-quoted function body and inside comments — and sends the pieces one by one. Here each file goes to
// Postgres whole, as one simple-protocol query (Postgres parses it, so $$ bodies are fine), inside one
// transaction together with its row in _prisma_migrations. The row is what Prisma writes (same table, same
// checksum: sha256 of the file), so `prisma migrate deploy` and `prisma migrate status` anywhere else agree
// with what ran here; on a machine with Prisma's own engine a plain `prisma migrate deploy` works too.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const MIGRATIONS_DIR = 'prisma/migrations';
/** The advisory lock `prisma migrate deploy` holds while it migrates, so the two never run at once. */
const PRISMA_MIGRATE_LOCK = 72707369;

/** Prisma's own bookkeeping table, created as Prisma creates it. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  script: string;
  checksum: string;
}

/** The committed migrations, in the order Prisma applies them (by directory name). */
export function committedMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const script = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, script, checksum: createHash('sha256').update(script).digest('hex') };
    });
}

/**
 * Applies every committed migration not yet applied; returns the names applied. A migration that fails
 * leaves nothing behind (not even a half-applied script, unlike the CLI), so fixing it and running again
 * is enough. A migration Prisma's CLI left failed must be resolved first, as `prisma migrate deploy` says.
 */
export async function applyMigrations(databaseUrl: string, log: (line: string) => void = () => {}): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ name: string; finished: boolean; rolledBack: boolean }>(
      'SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack" FROM "_prisma_migrations"',
    );
    const failed = rows.filter((r) => !r.finished && !r.rolledBack).map((r) => r.name);
    if (failed.length > 0) {
      throw new Error(`Migration ${failed.join(', ')} failed earlier and is not resolved; see \`prisma migrate resolve\` (Prisma's P3009).`);
    }
    const applied = new Set(rows.filter((r) => r.finished).map((r) => r.name));
    const done: string[] = [];
    for (const migration of committedMigrations().filter((m) => !applied.has(m.name))) {
      log(`applying ${migration.name}`);
      const id = randomUUID();
      await client.query('BEGIN');
      try {
        await client.query('INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, $3, now(), 0)', [id, migration.checksum, migration.name]);
        // No parameters: pg sends it with the simple query protocol, which takes many statements at once.
        await client.query(migration.script);
        await client.query('UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1', [id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw new Error(`Migration ${migration.name} failed, and nothing of it was applied: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.end().catch(() => {});
  }
}
