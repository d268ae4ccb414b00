import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '../../scripts/lib/test-database';
import { createTestRuntimeRole } from '../../scripts/lib/database-roles';
import { migrateDeploy } from '../../scripts/lib/run';
import { testSigningKey } from '../signing-key';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app's connection: the runtime role, with only the privileges it is granted in production. */
    databaseUrl: string;
    /** The owner's, for tests that attack the database as someone with more rights than the app. */
    ownerDatabaseUrl: string;
    auditSigningKey: string;
  }
}

/**
 * Creates a throwaway database for the integration run, applies the migrations as its owner, and makes a
 * runtime role of its own for the app (roles are shared by the whole server); drops both afterwards.
 */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase('integration');
  let role: Awaited<ReturnType<typeof createTestRuntimeRole>> | undefined;
  try {
    await migrateDeploy(database.url);
    role = await createTestRuntimeRole(database.url, new URL(database.url).pathname.slice(1));
  } catch (error) {
    await database.drop();
    throw error;
  }
  project.provide('databaseUrl', role.url);
  project.provide('ownerDatabaseUrl', database.url);
  project.provide('auditSigningKey', testSigningKey());
  return async () => {
    await database.drop();
    await role?.drop();
  };
}
