// A throwaway database per test run: on the Postgres at TEST_DATABASE_URL (default 127.0.0.1:5432), or,
// where no Postgres answers, on a throwaway embedded PostgreSQL server of its own.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface TestDatabase {
  url: string;
  kind: 'postgres' | 'embedded';
  drop: () => Promise<void>;
}

const DEFAULT_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER;
  if (await reachable(serverUrl)) {
    const name = `modelgate_test_${label}_${process.pid}_${Date.now().toString(36)}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      kind: 'postgres',
      drop: async () => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  console.log(`[test] no Postgres answers at ${new URL(serverUrl).host}; starting an embedded PostgreSQL server for "${label}".`);
  const home = mkdtempSync(join(tmpdir(), `modelgate-${label}-${process.pid}-`));
  chmodSync(home, 0o755); // The server runs as the postgres user when we are root.
  const embedded = await startEmbeddedPostgres({ dataDir: join(home, 'postgres'), port: await freePort() });
  return {
    url: embedded.url,
    kind: 'embedded',
    drop: async () => {
      await embedded.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
