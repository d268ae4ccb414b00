// Two database roles. The owner runs the migrations and owns every table, trigger and function. The app
// connects as a runtime role that owns nothing and may only do what the app does: it cannot disable a
// trigger, alter or drop a table, truncate anything, or change or delete an audit event, an approval
// decision, a Production period, a metric or a lineage row — whatever the app's code is made to do.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Read and append only. */
const APPEND_ONLY = new Set(['audit_event', 'approval', 'metric', 'version_lineage', 'comment_mention', 'model_card_revision', 'request_reminder', 'notification_sent']);
/** Opened and closed (ended_at), never deleted. */
const NO_DELETE = new Set(['production_period', 'version_comment']);
/** Prisma's own bookkeeping: the owner's business. */
const OWNER_ONLY = new Set(['_prisma_migrations']);

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The connection string of `ownerUrl` with another user (and password). */
export function urlForRole(ownerUrl: string, role: string, password?: string): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password ? encodeURIComponent(password) : '';
  return url.toString();
}

/** Creates the runtime role if it does not exist (or sets its password), without any privilege of its own. */
export async function ensureRuntimeRole(ownerUrl: string, role: string, password?: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`"${role}" is not a plain role name (lower-case letters, digits, _).`);
  await withClient(ownerUrl, async (client) => {
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 1;
    const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT';
    const withPassword = password ? ` PASSWORD ${client.escapeLiteral(password)}` : '';
    await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${quoteIdent(role)} ${attributes}${withPassword}`);
  });
}

/**
 * Grants the runtime role exactly what the app needs on the owner's database, table by table (run after
 * every migration: a new table gets its grants on the next start). Refuses a role that is a superuser or
 * owns a table, since then none of this would hold.
 */
export async function grantRuntimePrivileges(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const who = quoteIdent(role);
    const [facts] = (
      await client.query<{ superuser: boolean; owned: string; owner: string }>(
        `SELECT r.rolsuper AS superuser, current_user AS owner,
           (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace)::text AS owned
         FROM pg_roles r WHERE r.rolname = $1`,
        [role],
      )
    ).rows;
    if (!facts) throw new Error(`The database role "${role}" does not exist: create it (CREATE ROLE ${role} LOGIN PASSWORD '…') first.`);
    if (facts.owner === role) throw new Error(`The app's role "${role}" is also the migration role: give the migrations an owner role of their own.`);
    if (facts.superuser) throw new Error(`The app's role "${role}" is a superuser: it could switch off every guard; use a plain role.`);
    if (facts.owned !== '0') throw new Error(`The app's role "${role}" owns ${facts.owned} tables or sequences; the owner role must own them (ALTER TABLE … OWNER TO …).`);

    const tables = (await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.name);
    const database = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
    const statements: string[] = [
      `GRANT CONNECT ON DATABASE ${quoteIdent(database)} TO ${who}`,
      `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
      `GRANT USAGE ON SCHEMA public TO ${who}`,
      `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${who}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${who}`,
      ...tables
        .filter((table) => !OWNER_ONLY.has(table))
        .map((table) => {
          const privileges = APPEND_ONLY.has(table) ? 'SELECT, INSERT' : NO_DELETE.has(table) ? 'SELECT, INSERT, UPDATE' : 'SELECT, INSERT, UPDATE, DELETE';
          return `GRANT ${privileges} ON ${quoteIdent(table)} TO ${who}`;
        }),
    ];
    // The job queue (graphile-worker, scripts/lib/job-queue.ts) is the owner's schema too; the app takes,
    // runs and finishes jobs, so it may change the queue's rows but not its tables or functions.
    const hasJobQueue = (await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'graphile_worker'`)).rowCount === 1;
    if (hasJobQueue) {
      statements.push(
        `GRANT USAGE ON SCHEMA graphile_worker TO ${who}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${who}`,
        `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${who}`,
        `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${who}`,
      );
      // graphile-worker turns row-level security on for its private tables, so only their owner sees a row;
      // a policy per table lets the app's role see and change them all (the privileges above still bound it).
      const secured = await client.query<{ name: string }>(
        `SELECT relname AS name FROM pg_class WHERE relnamespace = 'graphile_worker'::regnamespace AND relkind = 'r' AND relrowsecurity ORDER BY 1`,
      );
      for (const { name } of secured.rows) {
        const table = `graphile_worker.${quoteIdent(name)}`;
        const policy = quoteIdent(`modelgate_${role}`.slice(0, 63));
        statements.push(`DROP POLICY IF EXISTS ${policy} ON ${table}`, `CREATE POLICY ${policy} ON ${table} TO ${who} USING (true) WITH CHECK (true)`);
      }
    }
    await client.query('BEGIN');
    try {
      for (const statement of statements) await client.query(statement);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

/** A role made for one test database, dropped with it: roles are shared by every database of a server. */
export async function createTestRuntimeRole(ownerUrl: string, databaseName: string): Promise<{ url: string; role: string; drop: () => Promise<void> }> {
  const role = `mg_app_${databaseName.replace(/^modelgate_test_/, '')}`.slice(0, 63).replace(/[^a-z0-9_]/g, '_');
  const password = randomBytes(18).toString('base64url');
  await ensureRuntimeRole(ownerUrl, role, password);
  await grantRuntimePrivileges(ownerUrl, role);
  return {
    url: urlForRole(ownerUrl, role, password),
    role,
    // Run after the database is dropped: its grants go with it, and nothing else refers to the role.
    drop: async () => {
      const server = new URL(ownerUrl);
      server.pathname = '/postgres';
      try {
        await withClient(server.toString(), (client) => client.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`));
      } catch (error) {
        // A throwaway embedded server is already gone, and its roles with it.
        if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED') throw error;
      }
    },
  };
}
