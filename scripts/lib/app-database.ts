// How `npm start` connects: migrations as the owner, the app as a runtime role (scripts/lib/database-roles.ts).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ensureRuntimeRole, grantRuntimePrivileges, urlForRole } from './database-roles';

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
  await ensureRuntimeRole(ownerUrl, EMBEDDED_RUNTIME_ROLE, password);
  await grantRuntimePrivileges(ownerUrl, EMBEDDED_RUNTIME_ROLE);
  return urlForRole(ownerUrl, EMBEDDED_RUNTIME_ROLE, password);
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
