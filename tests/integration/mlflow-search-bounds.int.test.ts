// model-versions/search takes max_results up to 200,000 (MLflow's ceiling). One query with that many
// bound parameters would pass Postgres's limit of 65,535, and one response that large has no bound:
// the server reads in internal pages and answers at most a bounded page, with a token for the rest.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { MAX_RESPONSE_BYTES, MAX_VERSIONS_PER_RESPONSE } from '@/lib/mlflow/queries/search';
import { as, mlflowUser, type MlflowUser } from './mlflow-client';
import { seedUser, uniqueName } from '../fixtures';

let admin: Actor;
let scientist: MlflowUser;
const big = uniqueName('bigsearch');
const heavy = uniqueName('heavysearch');
const VERSIONS = 70_000;

/** Versions straight in SQL (through the same triggers as the app's), far faster than 70,000 registrations. */
async function seedVersions(model: string, count: number, tag?: { key: string; value: string }): Promise<void> {
  const { id } = await db.registeredModel.findUniqueOrThrow({ where: { name: model }, select: { id: true } });
  await db.$executeRawUnsafe(
    `INSERT INTO model_version (id, model_id, number, semver, major, minor, patch, data_version, artifact_uri)
     SELECT $1 || '-' || i, $1, i, '0.0.' || i, 0, 0, i, 'd', 's3://big/' || i FROM generate_series(1, $2::int) AS i`,
    id,
    count,
  );
  if (tag) {
    await db.$executeRawUnsafe(`INSERT INTO version_tag (version_id, key, value) SELECT $1 || '-' || i, $3, $4 FROM generate_series(1, $2::int) AS i`, id, count, tag.key, tag.value);
  }
  await db.registeredModel.update({ where: { id }, data: { nextVersionNumber: count + 1 } });
}

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  scientist = await mlflowUser(admin, 'scientist');
  await as(scientist.bearer).post('registered-models/create', { name: big });
  await as(scientist.bearer).post('registered-models/create', { name: heavy });
  await seedVersions(big, VERSIONS);
  // 120 versions with a 100 KB tag each (MLflow 3's longest tag value): 12 MB, more than one response may carry.
  await seedVersions(heavy, 120, { key: 'notes', value: 'n'.repeat(100_000) });
}, 120_000);

describe('model-versions/search at MLflow ceiling', () => {
  it('answers max_results=200000 over 70,000 versions with a bounded page and a token, never a 500', async () => {
    const first = await as(scientist.bearer).get('model-versions/search', { filter: `name = '${big}'`, max_results: 200_000 });
    expect(first.status, JSON.stringify(first.json).slice(0, 300)).toBe(200);
    expect(first.json.model_versions).toHaveLength(MAX_VERSIONS_PER_RESPONSE);
    expect(first.json.next_page_token).toEqual(expect.any(String));
  }, 60_000);

  it('pages through all 70,000 exactly once when the client follows the tokens (as mlflow.search_model_versions does)', async () => {
    const seen = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await as(scientist.bearer).get('model-versions/search', { filter: `name = '${big}'`, max_results: 200_000, order_by: ['version_number ASC'], ...(token ? { page_token: token } : {}) });
      expect(page.status).toBe(200);
      for (const v of page.json.model_versions ?? []) seen.add(v.version);
      token = page.json.next_page_token;
      pages += 1;
    } while (token && pages < 20);
    expect(seen.size).toBe(VERSIONS);
    expect(pages).toBe(Math.ceil(VERSIONS / MAX_VERSIONS_PER_RESPONSE));
  }, 120_000);

  it('stops a page at the byte budget when versions carry large tags, and continues where it stopped', async () => {
    const first = await as(scientist.bearer).get('model-versions/search', { filter: `name = '${heavy}'`, max_results: 1000, order_by: ['version_number ASC'] });
    expect(first.status).toBe(200);
    const shown = first.json.model_versions.length as number;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(120);
    expect(JSON.stringify(first.json).length).toBeLessThanOrEqual(MAX_RESPONSE_BYTES + 500_000);
    const rest = await as(scientist.bearer).get('model-versions/search', { filter: `name = '${heavy}'`, max_results: 1000, order_by: ['version_number ASC'], page_token: first.json.next_page_token });
    expect(rest.json.model_versions[0].version).toBe(String(shown + 1));
  }, 60_000);
});
