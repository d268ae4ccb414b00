import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '../../scripts/lib/test-database';
import { migrateDeploy } from '../../scripts/lib/run';
import { ensureBuild } from '../../scripts/lib/build';
import { createTestRuntimeRole } from '../../scripts/lib/database-roles';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app's connection: a runtime role of this run's own, with only the privileges it is granted in production. */
    databaseUrl: string;
    ownerDatabaseUrl: string;
  }
}

/**
 * The reliability suite runs real `next start` servers, so it needs a production build (made here when
 * `.next` is older than the sources; `npm test` has just made one for Playwright) and a database.
 */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase('reliability');
  let role: Awaited<ReturnType<typeof createTestRuntimeRole>> | undefined;
  try {
    await migrateDeploy(database.url);
    role = await createTestRuntimeRole(database.url, new URL(database.url).pathname.slice(1));
    // The build loads route modules, which need a DATABASE_URL to exist (they do not query it).
    if (await ensureBuild({ env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1' } })) console.log('[reliability] built the app (next build)');
  } catch (error) {
    // No teardown runs when setup fails: drop the database here, or every failed build leaves one behind.
    await database.drop();
    await role?.drop();
    throw error;
  }
  project.provide('databaseUrl', role.url);
  project.provide('ownerDatabaseUrl', database.url);
  return async () => {
    await database.drop();
    await role?.drop();
  };
}
