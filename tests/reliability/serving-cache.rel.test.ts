// The serving caches across two instances on one database: a promotion, rollback or alias change made on
// instance A is in instance B's very next resolve answer within 1 s (B answers from memory, so only the
// database's change notification can tell it), and a watch stream on B gets the event within 1 s.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApp, type AppInstance } from './app-instance';
import { createPeople, type Person } from './bootstrap';
import { call, versionBody } from './client';
import { createModel } from './races';

const databaseUrl = inject('databaseUrl');
const LIMIT_MS = 1_000;
let a: AppInstance;
let b: AppInstance;
let people: Record<string, Person>;

beforeAll(async () => {
  [a, b] = await Promise.all([startApp('instance A', databaseUrl), startApp('instance B', databaseUrl)]);
  people = await createPeople(databaseUrl, { scientist: 'scientist', approver: 'approver', viewer: 'viewer' });
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

/** Registers a version on `base` and takes it through Staging and an approved request to Production. */
async function deploy(base: string, model: string): Promise<{ number: number; startedAt: number }> {
  const registered = await call(base, `/api/v1/models/${model}/versions`, { token: people.scientist!.token, body: versionBody() });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  const number = (registered.body as { number: number }).number;
  expect((await call(base, `/api/v1/models/${model}/versions/${number}/promote`, { token: people.scientist!.token, body: {} })).status).toBe(200);
  const requested = await call(base, `/api/v1/models/${model}/versions/${number}/promotion-requests`, { token: people.scientist!.token, body: { comment: 'ship' } });
  expect(requested.status, JSON.stringify(requested.body)).toBe(201);
  const id = (requested.body as { request: { id: string } }).request.id;
  // The change commits during this call: timing from before it is sent overstates, never understates, the delay.
  const startedAt = performance.now();
  const approved = await call(base, `/api/v1/promotion-requests/${id}/approve`, { token: people.approver!.token, body: { comment: 'ok' } });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return { number, startedAt };
}

const resolveOn = (base: string, model: string, query = 'stage=production') => call(base, `/api/v1/models/${model}/resolve?${query}`, { token: people.viewer!.token });

/** Polls B back to back until `seen` holds; the time since `startedAt`. */
async function pollUntil(base: string, model: string, query: string, seen: (body: Record<string, unknown>, status: number) => boolean, startedAt: number): Promise<number> {
  for (;;) {
    const answer = await resolveOn(base, model, query);
    if (seen(answer.body, answer.status)) return performance.now() - startedAt;
    if (performance.now() - startedAt > 10_000) throw new Error(`not seen on ${base} within 10 s; last answer ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

describe('serving caches across two instances', () => {
  it('a promotion, a rollback and an alias change on A are in B’s next answers within 1 s', async () => {
    const model = await createModel(a.url, people.scientist!.token);
    const first = await deploy(a.url, model);
    // B answers from memory from here on (its cache is warm and stays so while nothing changes).
    for (let i = 0; i < 20; i++) expect((await resolveOn(b.url, model)).body).toMatchObject({ version: first.number });

    const second = await deploy(a.url, model);
    const promoted = await pollUntil(b.url, model, 'stage=production', (body) => body.version === second.number, second.startedAt);

    const rollbackStarted = performance.now();
    const rolledBack = await call(a.url, `/api/v1/models/${model}/rollback`, { token: people.approver!.token, body: { reason: 'reliability test' } });
    expect(rolledBack.status, JSON.stringify(rolledBack.body)).toBe(200);
    const rollback = await pollUntil(b.url, model, 'stage=production', (body) => body.version === first.number, rollbackStarted);

    expect((await resolveOn(b.url, model, 'alias=shadow')).status).toBe(404);
    const aliasStarted = performance.now();
    const aliased = await call(a.url, `/api/v1/models/${model}/aliases/shadow`, { method: 'PUT', token: people.approver!.token, body: { version: second.number } });
    expect(aliased.status, JSON.stringify(aliased.body)).toBe(200);
    const alias = await pollUntil(b.url, model, 'alias=shadow', (body, status) => status === 200 && body.version === second.number, aliasStarted);

    console.log(`[serving caches] seen on B after: promotion ${promoted.toFixed(0)} ms, rollback ${rollback.toFixed(0)} ms, alias ${alias.toFixed(0)} ms`);
    expect(promoted).toBeLessThan(LIMIT_MS);
    expect(rollback).toBeLessThan(LIMIT_MS);
    expect(alias).toBeLessThan(LIMIT_MS);
  });

  it('a 304 on B turns into the new answer once A changes it', async () => {
    const model = await createModel(a.url, people.scientist!.token);
    await deploy(a.url, model);
    const first = await fetch(`${b.url}/api/v1/models/${model}/resolve?stage=production`, { headers: { authorization: `Bearer ${people.viewer!.token}` } });
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const unchanged = await fetch(`${b.url}/api/v1/models/${model}/resolve?stage=production`, { headers: { authorization: `Bearer ${people.viewer!.token}`, 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    const next = await deploy(a.url, model);
    for (;;) {
      const answer = await fetch(`${b.url}/api/v1/models/${model}/resolve?stage=production`, { headers: { authorization: `Bearer ${people.viewer!.token}`, 'if-none-match': etag } });
      if (answer.status === 200) {
        expect(((await answer.json()) as { version: number }).version).toBe(next.number);
        break;
      }
      expect(answer.status).toBe(304);
      expect(performance.now() - next.startedAt).toBeLessThan(LIMIT_MS);
    }
  });

  it('a watch stream on B gets the change made on A within 1 s', async () => {
    const model = await createModel(a.url, people.scientist!.token);
    const first = await deploy(a.url, model);
    const controller = new AbortController();
    const response = await fetch(`${b.url}/api/v1/models/${model}/watch?stage=production`, { headers: { authorization: `Bearer ${people.viewer!.token}` }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events: { version: number; at: number }[] = [];
    const reading = (async () => {
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (/^event: resolved$/m.test(block)) events.push({ version: (JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as { version: number }).version, at: performance.now() });
          }
        }
      } catch {
        // Aborted at the end of the test.
      }
    })();
    const waitFor = async (check: () => boolean, ms: number) => {
      const until = performance.now() + ms;
      while (!check() && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
    };
    await waitFor(() => events.length > 0, 5_000);
    expect(events[0]?.version).toBe(first.number);

    const second = await deploy(a.url, model);
    await waitFor(() => events.some((e) => e.version === second.number), 5_000);
    const seen = events.find((e) => e.version === second.number);
    expect(seen, 'the watch on B never got the promotion made on A').toBeTruthy();
    console.log(`[serving caches] watch on B got the promotion after ${(seen!.at - second.startedAt).toFixed(0)} ms`);
    expect(seen!.at - second.startedAt).toBeLessThan(LIMIT_MS);
    controller.abort();
    await reading;
  });
});
