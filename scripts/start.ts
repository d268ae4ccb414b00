// `npm start`: migrate, (on first start) load demo data, build if needed, and serve Modelgate.
// Without DATABASE_URL it runs an embedded Postgres whose data lives in .modelgate/pgdata.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './lib/embedded-postgres';
import { buildIsCurrent } from './lib/build';
import { migrateDeploy, runOrFail } from './lib/run';

const STATE_DIR = '.modelgate';

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

async function main() {
  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dbPort = Number(process.env.MODELGATE_DB_PORT ?? 54329);
    embedded = await startEmbeddedPostgres({ dataDir: join(STATE_DIR, 'pgdata'), port: dbPort });
    databaseUrl = embedded.url;
    log(`database: embedded Postgres (PGlite) on 127.0.0.1:${dbPort}, data in ${STATE_DIR}/pgdata`);
  } else {
    log(`database: ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname} (from DATABASE_URL)`);
  }

  log('applying migrations (prisma migrate deploy)…');
  await migrateDeploy(databaseUrl);

  process.env.DATABASE_URL = databaseUrl;
  if (embedded) {
    const { db } = await import('@/lib/db/prisma');
    if ((await db.user.count()) === 0) {
      log('first start: loading demo data…');
      const { seedDemoData } = await import('../prisma/seed/index');
      const result = await seedDemoData();
      log(`demo data: ${result.models} models, ${result.versions} versions`);
    }
    await db.$disconnect();
  }

  if (!dev && !buildIsCurrent()) {
    log('building the app (next build)…');
    await runOrFail(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { env: { ...process.env, DATABASE_URL: databaseUrl } });
  }

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    MODELGATE_DEMO: embedded ? '1' : (process.env.MODELGATE_DEMO ?? '0'),
  };
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', dev ? 'dev' : 'start', '-p', String(port)], { stdio: 'inherit', env });
  log(`serving on http://localhost:${port}`);
  if (embedded) {
    log('demo logins (password "modelgate"): viewer@example.com, scientist@example.com, approver@example.com, approver2@example.com, admin@example.com');
  }

  const shutdown = async (code: number) => {
    server.kill('SIGTERM');
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  server.on('exit', (code) => void shutdown(code ?? 0));
}

main().catch((error) => {
  console.error('[modelgate] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
