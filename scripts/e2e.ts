// `npm run test:e2e`: a seeded throwaway database, a production build, then Playwright against `next start`.
import { createTestDatabase } from './lib/test-database';
import { bin, migrateDeploy, run, runOrFail } from './lib/run';

export async function runE2e(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<number> {
  const database = await createTestDatabase('e2e');
  try {
    await migrateDeploy(database.url);
    await runOrFail(bin('tsx'), ['prisma/seed/index.ts'], { env: { ...process.env, DATABASE_URL: database.url } });
    if (!process.argv.includes('--no-build')) {
      await runOrFail(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { env: { ...process.env, DATABASE_URL: database.url } });
    }
    return await run(bin('playwright'), ['test', ...extraArgs], { env: { ...process.env, ...env, DATABASE_URL: database.url } });
  } finally {
    await database.drop();
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
