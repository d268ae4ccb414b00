import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '../../scripts/lib/test-database';
import { migrateDeploy } from '../../scripts/lib/run';
import { buildIfStale } from '../../scripts/lib/build';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * The reliability suite runs real `next start` servers, so it needs a production build (made here when
 * `.next` is older than the sources; `npm test` has just made one for Playwright) and a database.
 */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase('reliability');
  try {
    await migrateDeploy(database.url);
    // The build loads route modules, which need a DATABASE_URL to exist (they do not query it).
    if (await buildIfStale({ ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1' })) console.log('[reliability] built the app (next build)');
  } catch (error) {
    // No teardown runs when setup fails: drop the database here, or every failed build leaves one behind.
    await database.drop();
    throw error;
  }
  project.provide('databaseUrl', database.url);
  return async () => {
    await database.drop();
  };
}
