// How `npm start` connects: migrations as the owner, the app as a runtime role (scripts/lib/database-roles.ts).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { join } from 'node:path';
import { ensureRuntimeRole, grantRuntimePrivileges, urlForRole } from './database-roles';
import { embeddedOwnerUrl } from './embedded-postgres';

/** The role the embedded database's app connects as. */
export const EMBEDDED_RUNTIME_ROLE = 'modelgate_app';

function keptSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Embedded mode: the superuser migrates and owns the tables; the app gets `modelgate_app`, created here
 * with a password kept in `passwordFile`, and granted what it needs after every migration.
 */
export async function embeddedRuntimeUrl(ownerUrl: string, passwordFile: string): Promise<string> {
  const password = keptSecret(passwordFile);
  // A restart with the same migrations, grant rules and password has nothing to change: the role carries a
  // stamp of what was last granted (in the database itself, so a replaced data folder has none), read in one query.
  const stamp = createHash('sha256')
    .update(JSON.stringify([committedMigrations(), readFileSync(join('scripts', 'lib', 'database-roles.ts'), 'utf8'), password]))
    .digest('hex');
  if ((await runtimeRoleStamp(ownerUrl, EMBEDDED_RUNTIME_ROLE)) !== `modelgate grants ${stamp}`) {
    await ensureRuntimeRole(ownerUrl, EMBEDDED_RUNTIME_ROLE, password);
    await grantRuntimePrivileges(ownerUrl, EMBEDDED_RUNTIME_ROLE);
    await setRuntimeRoleStamp(ownerUrl, EMBEDDED_RUNTIME_ROLE, `modelgate grants ${stamp}`);
  }
  return urlForRole(ownerUrl, EMBEDDED_RUNTIME_ROLE, password);
}

function committedMigrations(): string[] {
  return readdirSync(join('prisma', 'migrations'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

async function runtimeRoleStamp(ownerUrl: string, role: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ stamp: string | null }>(`SELECT shobj_description(oid, 'pg_authid') AS stamp FROM pg_roles WHERE rolname = $1`, [role]);
    return rows[0]?.stamp ?? null;
  } finally {
    await client.end();
  }
}

async function setRuntimeRoleStamp(ownerUrl: string, role: string, stamp: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`COMMENT ON ROLE "${role}" IS ${client.escapeLiteral(stamp)}`);
  } finally {
    await client.end();
  }
}

/**
 * Both connection strings of an embedded database that has started before, from the files its first start kept
 * (the superuser's and the runtime role's passwords), so the app can boot while the database starts; null on a
 * first start. The start compares them with the real ones once the database is up.
 */
export function expectedEmbeddedRuntimeUrl(stateDir: string, dataDir: string, port: number): { ownerUrl: string; runtimeUrl: string } | null {
  const ownerPassword = join(stateDir, 'postgres-password');
  const runtimePassword = join(stateDir, 'app-db-password');
  if (![join(dataDir, 'PG_VERSION'), ownerPassword, runtimePassword].every((file) => existsSync(file))) return null;
  const ownerUrl = embeddedOwnerUrl(port, readFileSync(ownerPassword, 'utf8').trim());
  return { ownerUrl, runtimeUrl: urlForRole(ownerUrl, EMBEDDED_RUNTIME_ROLE, readFileSync(runtimePassword, 'utf8').trim()) };
}

/**
 * DATABASE_URL with MIGRATION_DATABASE_URL: the operator made the runtime role (the user in DATABASE_URL);
 * the owner (the user in MIGRATION_DATABASE_URL) grants it what it needs. Refuses the same role twice.
 */
export async function grantOperatorRuntimeRole(migrationUrl: string, runtimeUrl: string): Promise<void> {
  const runtime = decodeURIComponent(new URL(runtimeUrl).username);
  if (!runtime) throw new Error('DATABASE_URL names no user: it must name the runtime role the app connects as.');
  await grantRuntimePrivileges(migrationUrl, runtime);
}

/** The signing key for audit checkpoints: the environment's, or one generated into the state folder. */
export function auditSigningKeyPem(privateFile: string, publicFile: string, generate: () => { privatePem: string; publicPem: string }): string {
  if (!existsSync(privateFile)) {
    const { privatePem, publicPem } = generate();
    writeFileSync(privateFile, privatePem, { mode: 0o600 });
    writeFileSync(publicFile, publicPem, { mode: 0o644 });
  }
  return readFileSync(privateFile, 'utf8');
}
