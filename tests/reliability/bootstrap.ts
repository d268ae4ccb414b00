// The people and API tokens a reliability test acts as, written straight into its database (everything
// after that goes through the app's HTTP API, as real clients do).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/registry';

export interface Person {
  id: string;
  email: string;
  password: string;
  token: string;
}

export async function createPeople(databaseUrl: string, roles: Record<string, Role>): Promise<Record<string, Person>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const people: Record<string, Person> = {};
    for (const [label, role] of Object.entries(roles)) {
      const id = randomUUID();
      const email = `${label}-${id.slice(0, 8)}@reliability.test`;
      const password = `pw-${randomUUID()}`;
      const token = `mgt_${randomBytes(32).toString('base64url')}`;
      await client.query('INSERT INTO app_user (id, email, name, password_hash, role, updated_at) VALUES ($1, $2, $3, $4, $5, now())', [id, email, label, await hashPassword(password), role]);
      await client.query('INSERT INTO api_token (id, name, owner_id, created_by_id, role, token_hash, prefix) VALUES ($1, $2, $3, $3, $4, $5, $6)', [randomUUID(), `${label} token`, id, role, createHash('sha256').update(token).digest('hex'), token.slice(0, 10)]);
      people[label] = { id, email, password, token };
    }
    return people;
  } finally {
    await client.end();
  }
}

/** One query against the test's database, for assertions on what really got stored. */
export async function sql<T extends pg.QueryResultRow>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
