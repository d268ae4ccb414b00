// `npm test` on a machine where no Postgres answers: it starts an embedded PostgreSQL of its own instead.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createTestDatabase } from '../../scripts/lib/test-database';
import { sql } from './bootstrap';

describe('test database fallback', () => {
  it('starts a throwaway embedded PostgreSQL when TEST_DATABASE_URL does not answer, and removes it after', async () => {
    const previous = process.env.TEST_DATABASE_URL;
    process.env.TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/postgres';
    try {
      const database = await createTestDatabase('fallback');
      expect(database.kind).toBe('embedded');
      const [row] = await sql<{ version: string }>(database.url, 'SELECT version()');
      expect(row!.version).toMatch(/^PostgreSQL 17\./);
      await database.drop();
      await expect(sql(database.url, 'SELECT 1')).rejects.toThrow();
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`modelgate-fallback-${process.pid}-`))).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.TEST_DATABASE_URL;
      else process.env.TEST_DATABASE_URL = previous;
    }
  });
});
