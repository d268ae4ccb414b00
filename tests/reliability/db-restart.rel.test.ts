// The database restarts under load: the app answers 503 quickly while it is gone and recovers by itself.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestRuntimeRole } from '../../scripts/lib/database-roles';
import { migrateDeploy } from '../../scripts/lib/run';
import { startApp, type AppInstance } from './app-instance';
import { createPeople, sql, type Person } from './bootstrap';
import { call, versionBody, type Answer } from './client';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres';
import { SCALE } from './scale';

let postgres: PrivatePostgres;
let app: AppInstance;
let people: Record<string, Person>;

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  await migrateDeploy(postgres.url);
  // The app runs as a runtime role, as everywhere (the server is this test's own, so the name is free).
  const runtime = await createTestRuntimeRole(postgres.url, 'restart');
  people = await createPeople(runtime.url, { scientist: 'scientist', admin: 'admin' });
  app = await startApp('app', runtime.url);
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await postgres?.destroy();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sent {
  key: string;
  body: ReturnType<typeof versionBody>;
  at: number;
  answer: Answer;
}

it(`Postgres stopped for ${SCALE.outageSeconds} s under load: fast 503s with a clear message, then success again without restarting the app`, async () => {
  const token = people.scientist!.token;
  const model = `restart-${randomUUID().slice(0, 8)}`;
  expect((await call(app.url, '/api/v1/models', { token, body: { name: model } })).status).toBe(201);

  // An export first, so the export's own connection pool holds an idle connection when Postgres goes away.
  const exported = await call(app.url, '/api/admin/audit/export?format=ndjson', { token: people.admin!.token });
  expect(exported.status).toBe(200);

  const sent: Sent[] = [];
  let stop = false;
  let counter = 0;
  const workers = Array.from({ length: 4 }, async () => {
    while (!stop) {
      const key = `restart-${counter++}`;
      const body = versionBody();
      const at = Date.now();
      const answer = await call(app.url, `/api/v1/models/${model}/versions`, { token, body, headers: { 'Idempotency-Key': key }, timeoutMs: 15_000 });
      sent.push({ key, body, at, answer });
      if (answer.status !== 201) await sleep(50);
    }
  });

  await sleep(1_500);
  const downAt = Date.now();
  await postgres.stop('fast');
  await sleep(500);
  const health = await call(app.url, '/api/health', { timeoutMs: 10_000 });
  await sleep(SCALE.outageSeconds * 1000);
  await postgres.start();
  const upAt = Date.now();
  // Recovery: the first success after the restart, with no help from us.
  let recoveredAt = 0;
  while (!recoveredAt && Date.now() - upAt < 30_000) {
    await sleep(100);
    recoveredAt = sent.find((s) => s.at >= upAt && s.answer.status === 201)?.at ?? 0;
  }
  await sleep(1_000);
  stop = true;
  await Promise.all(workers);

  expect(health.status).toBe(503);
  expect(health.ms).toBeLessThan(5_000);

  const before = sent.filter((s) => s.at < downAt);
  const during = sent.filter((s) => s.at >= downAt && s.at < upAt);
  const failed = sent.filter((s) => s.answer.status !== 201);
  console.log(
    `[db-restart] ${sent.length} requests: ${before.length} before the outage, ${during.length} during it (slowest answer ${Math.round(Math.max(...during.map((s) => s.answer.ms)))} ms), ` +
      `first success ${recoveredAt - upAt} ms after Postgres was back; answers: ${JSON.stringify(countBy(sent.map((s) => `${s.answer.status} ${s.answer.body.error?.code ?? ''}`.trim())))}`,
  );
  expect(before.some((s) => s.answer.status === 201)).toBe(true);
  // While the database is gone every request fails fast, with the one error shape and a message a person can act on.
  expect(during.length).toBeGreaterThan(10);
  for (const s of failed) {
    expect(s.answer.status, `${JSON.stringify(s.answer.body)}\nserver log:\n${app.output().slice(-3000)}`).toBe(503);
    expect(s.answer.body.error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/database is unavailable/i) });
    expect(s.answer.ms).toBeLessThan(5_500);
  }
  expect(failed.length).toBeGreaterThan(0);
  // Back without restarting the app (the same process served before and after).
  expect(recoveredAt).toBeGreaterThan(0);
  expect(recoveredAt - upAt).toBeLessThan(10_000);
  expect(app.output()).not.toMatch(/uncaught|unhandled 'error' event/i);

  // A client that retries its failed requests with the same Idempotency-Key ends with each version exactly once.
  for (const s of failed) {
    const retried = await call(app.url, `/api/v1/models/${model}/versions`, { token, body: s.body, headers: { 'Idempotency-Key': s.key } });
    expect([200, 201], JSON.stringify(retried.body)).toContain(retried.status);
  }
  const [stored] = await sql<{ versions: number; last: number; audited: number }>(
    postgres.url,
    `SELECT count(*)::int AS versions, max(v.number) AS last,
            (SELECT count(*)::int FROM audit_event e WHERE e.model_name = $1 AND e.action = 'version.registered') AS audited
     FROM model_version v JOIN registered_model m ON m.id = v.model_id WHERE m.name = $1`,
    [model],
  );
  expect(stored).toEqual({ versions: sent.length, last: sent.length, audited: sent.length });
});

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
