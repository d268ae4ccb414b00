// The job queue's schema (graphile-worker's `graphile_worker`), installed by the owner role next to our
// migrations: the app's runtime role may not create schemas, and a worker finding the schema current
// only reads graphile_worker.migrations at start.
import { createRequire } from 'node:module';
import { Logger, runMigrations } from 'graphile-worker';
import type pg from 'pg';

const require = createRequire(import.meta.url);

/** The newest graphile-worker migration the installed package ships (e.g. 19 for "000019.sql"). */
export function latestJobQueueMigration(): number {
  const { migrations } = require('graphile-worker/dist/generated/sql') as { migrations: Record<string, string> };
  return Math.max(...Object.keys(migrations).map((file) => parseInt(file, 10)));
}

const quiet = new Logger(() => (level, message) => {
  if (level === 'error') console.error(`[jobs] ${message}`);
});

/** Creates or upgrades the job queue's schema; a no-op when it is current. */
export async function installJobQueue(ownerUrl: string): Promise<void> {
  await runMigrations({ connectionString: ownerUrl, logger: quiet });
}

/** Whether the job queue's schema is at the installed package's newest migration. */
export async function jobQueueIsCurrent(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ id: number | null }>(
    `SELECT CASE WHEN to_regclass('graphile_worker.migrations') IS NULL THEN NULL ELSE (SELECT max(id) FROM graphile_worker.migrations) END AS id`,
  );
  return rows[0]?.id != null && rows[0].id >= latestJobQueueMigration();
}
