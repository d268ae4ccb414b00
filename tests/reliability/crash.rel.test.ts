// kill -9 of an app instance in the middle of a stream of registrations and promotions.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startApp, type AppInstance } from './app-instance';
import { createPeople, sql, type Person } from './bootstrap';
import { call, isCleanError, pool, versionBody, type Answer } from './client';
import { SCALE } from './scale';

const databaseUrl = inject('databaseUrl');
let survivor: AppInstance;
let victim: AppInstance;
let people: Record<string, Person>;

beforeAll(async () => {
  [survivor, victim] = await Promise.all([startApp('survivor', databaseUrl), startApp('victim', databaseUrl)]);
  people = await createPeople(databaseUrl, { scientist: 'scientist', admin: 'admin' });
}, 120_000);

afterAll(async () => {
  await Promise.all([survivor?.stop(), victim?.crash()]);
});

it(`after kill -9 mid-stream (${SCALE.crashStream} versions): nothing half-applied, every version has exactly its audit rows, retries lose and double nothing`, async () => {
  const token = people.scientist!.token;
  const model = `crash-${randomUUID().slice(0, 8)}`;
  const created = await call(survivor.url, '/api/v1/models', { token, body: { name: model } });
  expect(created.status).toBe(201);

  const crashAt = Math.floor(SCALE.crashStream / 3);
  let victimAlive = true;
  let victimInFlight = 0;
  let crashed: Promise<void> | undefined;
  let done = 0;
  const fromSurvivor: Answer[] = [];
  const victimFailures: string[] = [];

  /** Sends to the victim while it lives; a request it never answered is retried on the survivor, as a pipeline's retry would. */
  async function send(preferVictim: boolean, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    if (preferVictim && victimAlive) {
      victimInFlight += 1;
      const pending = call(victim.url, path, { token, body, headers });
      // Past a third of the stream, kill it while several of its requests are open (SIGKILL goes out now).
      if (done >= crashAt && victimInFlight >= 3 && !crashed) {
        victimAlive = false;
        crashed = victim.crash();
      }
      const answer = await pending;
      victimInFlight -= 1;
      if (answer.status !== 0) return answer;
      victimFailures.push(answer.failure ?? 'no answer');
    }
    const answer = await call(survivor.url, path, { token, body, headers });
    fromSurvivor.push(answer);
    return answer;
  }

  const jobs = Array.from({ length: SCALE.crashStream }, (_, i) => async () => {
    const key = `crash-${i}`;
    const registered = await send(i % 2 === 1, `/api/v1/models/${model}/versions`, versionBody({ artifactUri: `s3://crash/${i}` }), { 'Idempotency-Key': key });
    expect([200, 201], JSON.stringify(registered.body)).toContain(registered.status);
    const number = (registered.body as { number: number }).number;
    const promoted = await send(i % 2 === 0, `/api/v1/models/${model}/versions/${number}/promote`, {});
    // A promotion the victim committed before dying is refused on retry as already done: a clean answer.
    if (promoted.status !== 200) expect(`${promoted.status} ${promoted.body.error?.code}`).toBe('409 INVALID_TRANSITION');
    done += 1;
  });
  await pool(8, jobs);
  await crashed;

  // The crash hit requests in flight, and every answer from the survivor was a success or a clean error.
  console.log(`[crash] ${victimFailures.length} requests in flight on the victim got no answer (${[...new Set(victimFailures)].join(', ')}); retried on the survivor`);
  expect(crashed, 'the victim was never killed').toBeDefined();
  expect(victimFailures.length).toBeGreaterThan(0);
  expect(fromSurvivor.filter((a) => a.status === 0 || (a.status >= 300 && !isCleanError(a))).map((a) => `${a.status} ${a.failure ?? ''}`)).toEqual([]);

  const [counts] = await sql<Record<string, string>>(
    databaseUrl,
    `WITH m AS (SELECT id FROM registered_model WHERE name = $1),
          v AS (SELECT * FROM model_version WHERE model_id = (SELECT id FROM m))
     SELECT (SELECT count(*) FROM v) AS versions,
            (SELECT count(*) FROM v WHERE stage = 'staging') AS staging,
            (SELECT min(number)::text FROM v) AS first, (SELECT max(number)::text FROM v) AS last,
            (SELECT count(*) FROM v WHERE (SELECT count(*) FROM metric x WHERE x.version_id = v.id) <> 2) AS missing_metrics,
            (SELECT count(*) FROM v WHERE (SELECT count(*) FROM audit_event e WHERE e.version_id = v.id AND e.action = 'version.registered') <> 1) AS registered_not_once,
            (SELECT count(*) FROM v WHERE (SELECT count(*) FROM audit_event e WHERE e.version_id = v.id AND e.action = 'version.promoted') <> 1) AS promoted_not_once,
            (SELECT count(*) FROM audit_event WHERE model_id = (SELECT id FROM m) AND action IN ('version.registered', 'version.promoted')) AS audit_rows,
            (SELECT count(DISTINCT version_id) FROM idempotency_key WHERE version_id IN (SELECT id FROM v)) AS keyed_versions`,
    [model],
  );
  const n = String(SCALE.crashStream);
  expect(counts).toEqual({
    versions: n, // one per idempotency key: no retry doubled a version, no crash lost one
    staging: n,
    first: '1',
    last: n, // numbers 1…n with no gap: a crashed transaction gave its number back
    missing_metrics: '0',
    registered_not_once: '0',
    promoted_not_once: '0',
    audit_rows: String(2 * SCALE.crashStream),
    keyed_versions: n,
  });
  const verified = await call(survivor.url, '/api/admin/audit/verify', { token: people.admin!.token, body: {} });
  expect(verified.body).toMatchObject({ ok: true });
});
