// `npm run test:e2e`: a seeded throwaway database, a production build, then Playwright against `next start`.
// The app runs as a runtime role of its own (scripts/lib/database-roles.ts), as in production.
import { generateKeyPairSync } from 'node:crypto';
import { createTestRuntimeRole } from './lib/database-roles';
import { createTestDatabase } from './lib/test-database';
import { ensureBuild } from './lib/build';
import { bin, migrateDeploy, run, runOrFail } from './lib/run';

export async function runE2e(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<number> {
  const database = await createTestDatabase('e2e');
  let role: Awaited<ReturnType<typeof createTestRuntimeRole>> | undefined;
  try {
    await migrateDeploy(database.url);
    role = await createTestRuntimeRole(database.url, new URL(database.url).pathname.slice(1));
    const appEnv = {
      ...process.env,
      DATABASE_URL: role.url,
      MODELGATE_AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    await runOrFail(bin('tsx'), ['prisma/seed/index.ts'], { env: appEnv });
    await ensureBuild({ env: appEnv });
    return await run(bin('playwright'), ['test', ...extraArgs], { env: { ...appEnv, ...env } });
  } finally {
    await database.drop();
    await role?.drop();
  }
}

if (process.argv[1]?.endsWith('e2e.ts')) {
  runE2e(process.argv.slice(2).filter((a) => a !== '--no-build'))
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
