// The migration runner (scripts/lib/migrate.ts): each file whole and atomic, recorded as Prisma records it.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { applyMigrations, committedMigrations } from '../../scripts/lib/migrate';
import { createTestDatabase, type TestDatabase } from '../../scripts/lib/test-database';

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('the committed migrations', () => {
  it('are recorded one row each, with the checksum prisma migrate deploy writes (sha256 of the file)', async () => {
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished: boolean }>(
      inject('ownerDatabaseUrl'),
      'SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name',
    );
    const committed = committedMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(committed.map((m) => m.name));
    for (const m of committed) {
      const expected = createHash('sha256').update(readFileSync(join('prisma/migrations', m.name, 'migration.sql'))).digest('hex');
      expect(rows.find((r) => r.migration_name === m.name)).toMatchObject({ checksum: expected, applied_steps_count: 1, finished: true });
    }
  });

  it('apply nothing a second time', async () => {
    expect(await applyMigrations(inject('ownerDatabaseUrl'))).toEqual([]);
  });

  it('leave every function body $$-quoted in the newest migration that defines it', () => {
    const newest = new Map<string, string>();
    for (const m of committedMigrations()) {
      for (const [, name, rest] of m.script.matchAll(/CREATE (?:OR REPLACE )?FUNCTION "([a-z_]+)"[^\n]*? AS ([^\n]*)/g)) newest.set(name!, rest!);
    }
    expect(newest.size).toBeGreaterThan(20);
    expect([...newest].filter(([, body]) => !body.startsWith('$$')).map(([name]) => name)).toEqual([]);
  });
});

describe('a migration with semicolons in its function bodies, and one that fails', () => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase('migrate');
    dir = mkdtempSync(join(tmpdir(), 'modelgate-migrations-'));
    const write = (name: string, sql: string) => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'migration.sql'), sql);
    };
    write('1_readable', `-- A comment that isn't afraid of apostrophes; nor of semicolons.
CREATE TABLE "t" ("v" text);
CREATE FUNCTION "say"(x text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  y text := 'said: ';
BEGIN
  RETURN y || x;
END
$$;
`);
    write('2_broken', `CREATE TABLE "half" ("v" text);
INSERT INTO "t" VALUES ('from the broken one');
SELECT 1 / 0;
`);
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it('applies the first whole, and nothing of the second, which it reports by name', async () => {
    await expect(applyMigrations(database.url, () => {}, dir)).rejects.toThrow(/2_broken failed, and nothing of it was applied: division by zero/);
    expect(await query(database.url, `SELECT "say"('hello') AS s`)).toEqual([{ s: 'said: hello' }]);
    expect(await query(database.url, `SELECT to_regclass('half') AS half, (SELECT count(*)::int FROM "t") AS rows`)).toEqual([{ half: null, rows: 0 }]);
    expect(await query(database.url, 'SELECT migration_name FROM _prisma_migrations')).toEqual([{ migration_name: '1_readable' }]);
  });
});
