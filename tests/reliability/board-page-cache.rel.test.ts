// npm start's worker sends a session its board again, without rendering, while the database is unchanged
// (scripts/lib/page-cache.mjs). What a person must never get from it: a board older than the last write — a
// registration, a promotion, a role change, a disabled account — or another person's board. On a Postgres server
// of the test's own, since "unchanged" is the server's snapshot and other suites' writes would end every hit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestRuntimeRole } from '../../scripts/lib/database-roles';
import { migrateDeploy } from '../../scripts/lib/run';
import { startApp, type AppInstance } from './app-instance';
import { createPeople, sql, type Person } from './bootstrap';
import { call, versionBody } from './client';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres';
import { createModel } from './races';
import { signInWithCookie } from './sign-in-client';

const METRICS_SECRET = 'page-cache-metrics-secret-0123456789';
let postgres: PrivatePostgres;
let databaseUrl: string;
let worker: AppInstance;
let people: Record<string, Person>;
let model: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  await migrateDeploy(postgres.url);
  const runtime = await createTestRuntimeRole(postgres.url, 'pagecache');
  databaseUrl = runtime.url;
  people = await createPeople(databaseUrl, { scientist: 'scientist', viewer: 'viewer', other: 'viewer' });
  // No job runner: its cron ticks are writes too, and would make a hit a matter of timing.
  worker = await startApp('npm start worker', databaseUrl, { MODELGATE_JOBS: 'off', MODELGATE_METRICS_TOKEN: METRICS_SECRET }, { worker: true });
  model = await createModel(worker.url, people.scientist!.token);
  expect((await call(worker.url, `/api/v1/models/${model}/versions`, { token: people.scientist!.token, body: versionBody() })).status).toBe(201);
  for (const label of ['viewer', 'other'] as const) {
    const signed = await signInWithCookie(worker, people[label]!.email, people[label]!.password);
    expect(signed.outcome).toBe('signed-in');
    cookies[label] = signed.cookie;
  }
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await postgres?.destroy();
});

async function board(label: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${worker.url}/models/${model}`, { headers: { cookie: cookies[label]!, ...headers }, redirect: 'manual' });
  const html = await res.text();
  // The worker decides whether to keep a render after sending it.
  await new Promise((r) => setTimeout(r, 50));
  return { status: res.status, html, cache: res.headers.get('x-modelgate-page-cache'), location: res.headers.get('location') };
}

/** Two requests in a row until the second is a hit (a commit between them, e.g. a sign-in's rate-limit row, ends it). */
async function kept(label: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const first = await board(label);
    const second = await board(label);
    if (second.cache === 'hit') return { first, second };
  }
  throw new Error(`no hit in 10 attempts\n${worker.output().slice(-2000)}`);
}

describe("the worker's board cache", () => {
  it('sends the same board again while nothing changed: same bytes, no render', async () => {
    const { first, second } = await kept('viewer');
    expect(second.status).toBe(200);
    expect(second.html).toBe(first.html);
    expect(second.html).toContain(model);
    const metrics = await (await fetch(`${worker.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_SECRET}` } })).text();
    expect(metrics).toMatch(/modelgate_serving_cache_lookups_total\{cache="board_page",result="hit"\} [1-9]/);
  });

  it('never answers with a board older than the last registration, promotion or tag', async () => {
    await kept('viewer');
    const dataVersion = `data-${randomUUID().slice(0, 8)}`;
    const registered = await call(worker.url, `/api/v1/models/${model}/versions`, { token: people.scientist!.token, body: versionBody({ dataVersion }) });
    expect(registered.status).toBe(201);
    const after = await board('viewer');
    expect(after.cache).toBe('miss');
    expect(after.html).toContain(dataVersion);

    await kept('viewer');
    const number = (registered.body as { number: number }).number;
    expect((await call(worker.url, `/api/v1/models/${model}/versions/${number}/promote`, { token: people.scientist!.token, body: {} })).status).toBe(200);
    const promoted = await board('viewer');
    expect(promoted.cache).toBe('miss');
    // A write straight into the database (psql, another instance, the MLflow API) ends the cache just the same.
    await kept('viewer');
    const tag = `tag-${randomUUID().slice(0, 8)}`;
    const [version] = await sql<{ id: string }>(databaseUrl, 'SELECT v.id FROM model_version v JOIN registered_model m ON m.id = v.model_id WHERE m.name = $1 AND v.number = $2', [model, number]);
    await sql(databaseUrl, 'INSERT INTO version_tag (version_id, key, value) VALUES ($1, $2, $3)', [version!.id, tag, '']);
    const tagged = await board('viewer');
    expect(tagged.cache).toBe('miss');
    expect(tagged.html).toContain(tag);
    // And through the MLflow API, which the worker also answers before Next's router.
    await kept('viewer');
    const mlflowTag = `mlflow-${randomUUID().slice(0, 8)}`;
    const created = await call(worker.url, '/api/2.0/mlflow/model-versions/create', { token: people.scientist!.token, body: { name: model, source: `s3://page-cache/${mlflowTag}`, tags: [{ key: mlflowTag, value: 'x' }] } });
    expect(created.status).toBe(200);
    const viaMlflow = await board('viewer');
    expect(viaMlflow.cache).toBe('miss');
    expect(viaMlflow.html).toContain(mlflowTag);
  });

  it("never gives one person another's board, and follows a role change or a disabled account at once", async () => {
    const mine = await kept('viewer');
    const theirs = await board('other');
    expect(theirs.cache).not.toBe('hit');
    expect(theirs.html).toContain('>other<');
    expect(theirs.html).not.toBe(mine.second.html);

    await kept('viewer');
    await sql(databaseUrl, "UPDATE app_user SET role = 'approver', updated_at = now() WHERE id = $1", [people.viewer!.id]);
    const promotedRole = await board('viewer');
    expect(promotedRole.cache).toBe('miss');
    expect(promotedRole.html).toContain('Approver');

    await kept('viewer');
    await sql(databaseUrl, 'UPDATE app_user SET disabled = true, updated_at = now() WHERE id = $1', [people.viewer!.id]);
    const disabled = await board('viewer');
    expect(disabled.status).toBe(307);
    expect(disabled.location).toContain('/signin');
    expect((await board('viewer')).status).toBe(307);
  });

  it('16 clients of one session at once while versions are registered: no answer misses a version registered before it was asked', async () => {
    // Kept before the race, and long enough between writes for renders to be kept again: stale hits would show.
    await kept('other');
    const committed: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 8; i++) {
        const dataVersion = `race-${i}-${randomUUID().slice(0, 8)}`;
        const registered = await call(worker.url, `/api/v1/models/${model}/versions`, { token: people.scientist!.token, body: versionBody({ dataVersion }) });
        expect(registered.status).toBe(201);
        committed.push(dataVersion);
        await new Promise((r) => setTimeout(r, 250));
      }
      writing = false;
    })();
    let answers = 0;
    const readers = Array.from({ length: 16 }, async () => {
      while (writing) {
        const known = committed.at(-1);
        const seen = await board('other');
        expect(seen.status).toBe(200);
        if (known) expect(seen.html).toContain(known);
        answers += 1;
      }
    });
    await Promise.all([writer, ...readers]);
    expect(answers).toBeGreaterThan(16);
    // Once the writes stop, the same session is answered from the cache again.
    await kept('other');
  });

  it("leaves React Server Component requests (the app's own navigations) to Next", async () => {
    await kept('other');
    const rsc = await fetch(`${worker.url}/models/${model}`, { headers: { cookie: cookies.other!, rsc: '1' } });
    expect(rsc.status).toBe(200);
    expect(rsc.headers.get('x-modelgate-page-cache')).toBeNull();
    expect(rsc.headers.get('content-type')).toContain('text/x-component');
  });
});
