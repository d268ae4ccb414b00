// The transition table (lib/registry/stages.ts) and the database trigger model_version_stage_transition
// allow exactly the same moves: every from/to pair, tried in SQL as the app's role, around every service.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { findTransition, STAGES, TRANSITIONS, type Stage } from '@/lib/registry';
import { makeActor, makeModel, register } from './fixtures';

/** The shortest way to reach each stage from Testing (where every version starts) along the table. */
function pathsFromTesting(): Map<Stage, Stage[]> {
  const paths = new Map<Stage, Stage[]>([['testing', []]]);
  const queue: Stage[] = ['testing'];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const t of TRANSITIONS.filter((t) => t.from === from && !paths.has(t.to))) {
      paths.set(t.to, [...paths.get(from)!, t.to]);
      queue.push(t.to);
    }
  }
  return paths;
}

let versionId: string;

beforeAll(async () => {
  const scientist = await makeActor('scientist');
  const model = await makeModel(scientist);
  versionId = (await register(scientist, model.name)).id;
});

/**
 * Puts the version in `from` and tries `to`, in a transaction that is rolled back (so deferred checks never
 * run and the next pair starts from Testing again). Returns the constraint that refused it, or null.
 */
async function trigger(client: pg.Client, path: Stage[], to: Stage): Promise<string | null> {
  const move = (stage: Stage) => client.query(`UPDATE "model_version" SET "stage" = $1 WHERE "id" = $2`, [stage, versionId]);
  await client.query('BEGIN');
  try {
    for (const stage of path) await move(stage);
    await client.query('SAVEPOINT attempt');
    try {
      await move(to);
      return null;
    } catch (error) {
      return (error as { constraint?: string }).constraint ?? String(error);
    }
  } finally {
    await client.query('ROLLBACK');
  }
}

describe('the stage transition table and the database trigger agree', () => {
  const pairs = STAGES.flatMap((from) => STAGES.filter((to) => to !== from).map((to) => [from, to] as const));

  it('reaches every stage from Testing along the table (so every pair below is tried)', () => {
    expect([...pathsFromTesting().keys()].sort()).toEqual([...STAGES].sort());
  });

  it(`allows exactly the table's moves among all ${pairs.length} pairs, and refuses the rest by its constraint`, async () => {
    const paths = pathsFromTesting();
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    try {
      const disagreements: string[] = [];
      for (const [from, to] of pairs) {
        const refusedBy = await trigger(client, paths.get(from)!, to);
        const inTable = findTransition(from, to) !== undefined;
        if (inTable && refusedBy !== null) disagreements.push(`${from} → ${to}: in the table, refused by ${refusedBy}`);
        if (!inTable && refusedBy !== 'model_version_stage_transition') disagreements.push(`${from} → ${to}: not in the table, ${refusedBy ?? 'allowed'} by the database`);
      }
      expect(disagreements).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('an update that keeps the stage is no move, and is allowed in every stage', async () => {
    const paths = pathsFromTesting();
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    try {
      for (const stage of STAGES) expect(await trigger(client, paths.get(stage)!, stage), stage).toBeNull();
    } finally {
      await client.end();
    }
  });
});
