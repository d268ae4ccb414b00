// `npm start`: migrate, (on first start) load demo data, build if needed, and serve Modelgate.
// Without DATABASE_URL it runs an embedded PostgreSQL server whose data lives in .modelgate/postgres.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { EMBEDDED_POSTGRES_MAJOR, startEmbeddedPostgres, type EmbeddedPostgres } from './lib/embedded-postgres';
import { acquireInstanceLock } from './lib/instance-lock';
import { auditSigningKeyPem, embeddedRuntimeUrl, grantOperatorRuntimeRole } from './lib/app-database';
import { buildIsCurrent, ensureBuild, nextArgs } from './lib/build';
import { migrateDeploy, migrationsAreCurrent } from './lib/run';

const STATE_DIR = process.env.MODELGATE_HOME ?? '.modelgate';
const started = performance.now();

// Prisma's driver adapter triggers pg's "client.query() while executing" deprecation notice inside its own
// transactions; it is not ours to fix and only confuses a first start. Every other warning still prints.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (!warning.message.includes('client.query() when the client is already executing')) console.warn(warning);
});
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);

function log(message: string) {
  console.log(`[modelgate] ${message}`);
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = join(STATE_DIR, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(STATE_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    log(`generated a session secret in ${file} (set NEXTAUTH_SECRET to share one across instances)`);
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * Earlier releases kept the embedded database in .modelgate/pgdata with PGlite, whose files PostgreSQL
 * cannot open. They are moved aside, never deleted, and the user is told what happened and how to get
 * their data back.
 */
function moveAsideOldEmbeddedData(): void {
  const old = join(STATE_DIR, 'pgdata');
  if (!existsSync(old)) return;
  const kept = join(STATE_DIR, `pgdata-pglite-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}`);
  renameSync(old, kept);
  log(`found ${old}, the database of the earlier embedded mode (PGlite), which PostgreSQL ${EMBEDDED_POSTGRES_MAJOR} cannot open.`);
  log(`moved it, untouched, to ${kept}; this start creates a new database with fresh demo data.`);
  log('to carry over what you registered there, see "Upgrading from the PGlite embedded database" in the README.');
}

/**
 * The Ed25519 key that signs audit checkpoints: MODELGATE_AUDIT_SIGNING_KEY, or in embedded mode one generated
 * into the state folder (its public half beside it, for `npm run audit:verify`). Never in the database.
 */
function auditSigningKey(): string | undefined {
  if (process.env.MODELGATE_AUDIT_SIGNING_KEY) return process.env.MODELGATE_AUDIT_SIGNING_KEY;
  if (!embedded) {
    log('MODELGATE_AUDIT_SIGNING_KEY is not set: audit checkpoints are not signed (see "Audit and tamper evidence" in the README).');
    return undefined;
  }
  const privateFile = join(STATE_DIR, 'audit-signing-key.pem');
  const publicFile = join(STATE_DIR, 'audit-signing-key.pub.pem');
  const created = !existsSync(privateFile);
  const pem = auditSigningKeyPem(privateFile, publicFile, () => {
    const pair = generateKeyPairSync('ed25519');
    return { privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  });
  if (created) log(`generated the audit signing key in ${privateFile} (public key: ${publicFile})`);
  return pem;
}

async function hasUsers(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM app_user) AS "any"');
    return rows[0]?.any === true;
  } finally {
    await client.end();
  }
}

async function waitUntilHealthy(url: string, server: ChildProcess): Promise<boolean> {
  while (server.exitCode === null && server.signalCode === null) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

let embedded: EmbeddedPostgres | null = null;
let releaseLock: (() => void) | null = null;

/** Stops what this start started, in order: the app first (its last requests finish), then its database. */
async function stopEmbedded(): Promise<void> {
  try {
    await embedded?.stop();
  } catch (error) {
    console.error('[modelgate]', error instanceof Error ? error.message : error);
  }
  releaseLock?.();
  releaseLock = null;
}

async function main() {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    mkdirSync(STATE_DIR, { recursive: true });
    releaseLock = acquireInstanceLock(join(STATE_DIR, 'modelgate.pid')).release;
    moveAsideOldEmbeddedData();
    const dbPort = Number(process.env.MODELGATE_DB_PORT ?? 54329);
    const dbStarted = performance.now();
    embedded = await startEmbeddedPostgres({
      dataDir: join(STATE_DIR, 'postgres'),
      port: dbPort,
      passwordFile: join(STATE_DIR, 'postgres-password'),
      logFile: join(STATE_DIR, 'postgres.log'),
      log,
    });
    databaseUrl = embedded.url;
    log(`database: embedded PostgreSQL ${EMBEDDED_POSTGRES_MAJOR} on 127.0.0.1:${dbPort}, data in ${join(STATE_DIR, 'postgres')} (up in ${seconds(dbStarted)})`);
  } else {
    log(`database: ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname} (from DATABASE_URL)`);
  }

  // Migrations run as the owner of the tables; the app connects as a role that owns nothing and may not
  // rewrite history (scripts/lib/database-roles.ts).
  const migrationUrl = embedded ? databaseUrl : (process.env.MIGRATION_DATABASE_URL ?? databaseUrl);
  if (!(await migrationsAreCurrent(migrationUrl))) {
    log('applying migrations…');
    await migrateDeploy(migrationUrl);
  }
  if (embedded) {
    databaseUrl = await embeddedRuntimeUrl(databaseUrl, join(STATE_DIR, 'app-db-password'));
  } else if (process.env.MIGRATION_DATABASE_URL) {
    await grantOperatorRuntimeRole(migrationUrl, databaseUrl);
    log(`the app connects as "${decodeURIComponent(new URL(databaseUrl).username)}" with the privileges it needs; migrations ran as "${decodeURIComponent(new URL(migrationUrl).username)}"`);
  } else {
    log('MIGRATION_DATABASE_URL is not set: the app connects as the owner of its tables, so the audit log is append-only only while the app behaves (see "Database roles" in the README).');
  }

  process.env.DATABASE_URL = databaseUrl;
  const signingKey = auditSigningKey();
  if (signingKey) process.env.MODELGATE_AUDIT_SIGNING_KEY = signingKey;
  if (embedded && !(await hasUsers(databaseUrl))) {
    log('first start: loading demo data…');
    const { db } = await import('@/lib/db/prisma');
    const { seedDemoData } = await import('../prisma/seed/index');
    const result = await seedDemoData();
    log(`demo data: ${result.models} models, ${result.versions} versions`);
    await db.$disconnect();
  }

  if (!dev && !buildIsCurrent()) log('building the app (next build)…');
  if (!dev) await ensureBuild({ env: { ...process.env, DATABASE_URL: databaseUrl } });

  // The demo's passwords are printed in the README: in embedded mode, only this machine may connect.
  const hostname = process.env.HOSTNAME ?? (embedded ? '127.0.0.1' : '0.0.0.0');
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: authSecret(),
    ...(signingKey ? { MODELGATE_AUDIT_SIGNING_KEY: signingKey } : {}),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    MODELGATE_DEMO: embedded ? '1' : (process.env.MODELGATE_DEMO ?? '0'),
  };
  const server = spawn(
    process.execPath,
    ['--require', resolve('scripts/lib/exit-with-parent.cjs'), ...nextArgs(dev ? 'dev' : 'start', '-p', String(port), '-H', hostname)],
    { stdio: 'inherit', env },
  );

  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    await stopEmbedded();
    log(embedded ? 'stopped the app and its database' : 'stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));
  server.on('exit', (code, signal) => {
    if (!shuttingDown) console.error(`[modelgate] the app server exited (${signal ?? `code ${code}`}); stopping.`);
    void shutdown(code ?? 1);
  });

  const where = hostname === '127.0.0.1' || hostname === 'localhost' ? 'this machine only; HOSTNAME=0.0.0.0 to listen on every interface' : `listening on ${hostname}`;
  const probeHost = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname.includes(':') ? `[${hostname}]` : hostname;
  if (await waitUntilHealthy(`http://${probeHost}:${port}/api/health`, server)) {
    log(`ready on http://localhost:${port} in ${seconds(started)} (${where})`);
    if (embedded) {
      log('demo logins (password "modelgate"): viewer@example.com, scientist@example.com, approver@example.com, approver2@example.com, admin@example.com');
    }
  }
}

main().catch(async (error) => {
  console.error('[modelgate] failed to start:', error instanceof Error ? error.message : error);
  await stopEmbedded();
  process.exit(1);
});
