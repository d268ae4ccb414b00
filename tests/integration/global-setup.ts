import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '../../scripts/lib/test-database';
import { migrateDeploy } from '../../scripts/lib/run';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** Creates a throwaway database for the integration run, applies the migrations, drops it afterwards. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase('integration');
  await migrateDeploy(database.url);
  project.provide('databaseUrl', database.url);
  return async () => {
    await database.drop();
  };
}
