import { inject } from 'vitest';
import pg from 'pg';

/**
 * Runs SQL as the database owner — the migrations' role, with more rights than the app — for tests that
 * attack the database from there (disabling triggers, rewriting rows). One connection, one transaction.
 */
export async function asOwner<T extends pg.QueryResultRow = pg.QueryResultRow>(...statements: (string | [string, unknown[]])[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
  await client.connect();
  try {
    await client.query('BEGIN');
    let rows: T[] = [];
    for (const statement of statements) {
      const [text, values] = typeof statement === 'string' ? [statement, []] : statement;
      rows = (await client.query<T>(text, values)).rows;
    }
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
