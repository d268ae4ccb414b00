// The serving path answered from memory: resolve and route from the caches, invalidated by the database's
// change notifications (changes here are made through the services, as another instance would make them,
// so only the NOTIFY can tell this process); ETag/304; the watch stream; the metrics endpoint and request ids.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import * as metricsRoute from '@/app/api/metrics/route';
import * as resolveRoute from '@/app/api/v1/models/[name]/resolve/route';
import * as routeRoute from '@/app/api/v1/models/[name]/route/route';
import * as watchRoute from '@/app/api/v1/models/[name]/watch/route';
import { DEFAULT_CARD_SECTIONS } from '@/lib/registry';
import { decideRequest } from '@/lib/services/decide-request';
import { requestProduction } from '@/lib/services/request-production';
import type { Actor } from '@/lib/services/actor';
import { changeFeed } from '@/lib/serving/change-feed';
import { createApiToken } from '@/lib/services/create-api-token';
import { revokeApiToken } from '@/lib/services/revoke-api-token';
import { moveVersion } from '@/lib/services/move-version';
import { setAlias } from '@/lib/services/set-alias';
import { updateUser } from '@/lib/services/update-user';
import { call } from './api-client';
import { register, seedModel, seedToken, seedUser } from '../fixtures';

// No next-auth session here (it needs Next's request scope): a caller without a token is nobody, unless a
// test signs someone in by setting `session.user` (the person is still read from the database, as in the app).
const session = vi.hoisted(() => ({ user: null as string | null }));
vi.mock('@/lib/auth/current-user', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/auth/current-user')>();
  return { ...original, getCurrentUser: async () => (session.user ? original.personById(session.user) : null) };
});

let scientist: Actor, admin: Actor, viewer: Actor, approver: Actor;
const CARD = DEFAULT_CARD_SECTIONS.map((section) => `## ${section}\ntext`).join('\n');
let viewerToken: string, adminToken: string;

beforeAll(async () => {
  [scientist, admin, viewer, approver] = await Promise.all([seedUser({ role: 'scientist' }), seedUser({ role: 'admin' }), seedUser({ role: 'viewer' }), seedUser({ role: 'approver' })]);
  [viewerToken, adminToken] = await Promise.all([seedToken(viewer), seedToken(admin)]);
  changeFeed.start();
  for (let waited = 0; !changeFeed.live(); waited += 20) {
    if (waited > 10_000) throw new Error('the change feed did not start listening');
    await new Promise((r) => setTimeout(r, 20));
  }
});

afterAll(async () => {
  await changeFeed.stop();
});

/** A model with v1 in Staging and v2 in Staging, so the newest Staging version can change under the cache. */
async function stagedModel() {
  const model = await seedModel({ owner: scientist });
  const v1 = await register(scientist, model.name, { artifactUri: 's3://one' });
  await moveVersion(scientist, 'promote', { model: model.name, number: v1.number });
  const v2 = await register(scientist, model.name, { artifactUri: 's3://two' });
  return { model, v1, v2 };
}

const resolve = (name: string, query: string, headers: Record<string, string> = {}, token = viewerToken) =>
  call(resolveRoute.GET, { token, params: { name }, url: `http://localhost/api/v1/models/${name}/resolve?${query}`, headers });

/** Polls until `check` holds, and says how long that took. */
async function until(check: () => Promise<boolean>, timeoutMs = 3_000): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not seen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - started;
}

describe('resolve from memory', () => {
  it('answers with an ETag, 304 for a matching If-None-Match, and the new answer within 1 s of a change elsewhere', async () => {
    const { model, v2 } = await stagedModel();
    const first = await resolve(model.name, 'stage=staging');
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ version: 1, artifactUri: 's3://one' });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');

    const unchanged = await resolve(model.name, 'stage=staging', { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.json).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect((await resolve(model.name, 'stage=staging', { 'if-none-match': `W/${etag}, "other"` })).status).toBe(304);

    await moveVersion(scientist, 'promote', { model: model.name, number: v2.number });
    const ms = await until(async () => (await resolve(model.name, 'stage=staging', { 'if-none-match': etag })).status === 200);
    expect(ms).toBeLessThan(1_000);
    const changed = await resolve(model.name, 'stage=staging');
    expect(changed.json).toMatchObject({ version: 2, artifactUri: 's3://two' });
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('sees an alias move and a model with nothing to serve getting something', async () => {
    const { model, v1, v2 } = await stagedModel();
    await moveVersion(scientist, 'promote', { model: model.name, number: v2.number });
    expect((await resolve(model.name, 'alias=shadow')).status).toBe(404);
    await setAlias(scientist, { model: model.name, alias: 'shadow', number: v1.number });
    await until(async () => (await resolve(model.name, 'alias=shadow')).status === 200, 1_000);
    await setAlias(scientist, { model: model.name, alias: 'shadow', number: v2.number });
    await until(async () => ((await resolve(model.name, 'alias=shadow')).json as { version: number }).version === 2, 1_000);
  });

  it('still checks the caller on every request: no token, another model, a revoked token within 1 s', async () => {
    const { model } = await stagedModel();
    expect((await resolve(model.name, 'stage=staging')).status).toBe(200);
    expect((await call(resolveRoute.GET, { params: { name: model.name }, url: 'http://localhost/api?stage=staging' })).status).toBe(401);
    const other = await seedModel({ owner: scientist });
    const elsewhere = await seedToken(viewer, { model: other.name });
    expect((await resolve(model.name, 'stage=staging', {}, elsewhere)).status).toBe(403);

    const created = await createApiToken(admin, { name: 'soon revoked', kind: 'serving' });
    expect((await resolve(model.name, 'stage=staging', {}, created.token)).status).toBe(200);
    expect((await resolve(model.name, 'stage=staging', {}, created.token)).status).toBe(200); // now from the token cache
    await revokeApiToken(admin, { tokenId: created.record.id });
    const ms = await until(async () => (await resolve(model.name, 'stage=staging', {}, created.token)).status === 401);
    expect(ms).toBeLessThan(1_000);
  });
});

describe('route', () => {
  it('answers the artifact and digest of the version that serves the key, with an ETag', async () => {
    const model = await seedModel({ owner: scientist });
    const v1 = await register(scientist, model.name, { artifactUri: 's3://one', trainingDataHash: 'h', codeCommit: 'c', modelCard: CARD });
    await moveVersion(scientist, 'promote', { model: model.name, number: v1.number });
    expect((await call(routeRoute.GET, { token: viewerToken, params: { name: model.name }, url: 'http://localhost/api?key=u1' })).status).toBe(404);
    const { request } = await requestProduction(scientist, { model: model.name, number: v1.number, comment: 'ship it' });
    await decideRequest(approver, { requestId: request.id, decision: 'approve' });
    const routed = await until(async () => (await call(routeRoute.GET, { token: viewerToken, params: { name: model.name }, url: 'http://localhost/api?key=u1' })).status === 200, 1_000);
    expect(routed).toBeLessThan(1_000);
    const answer = await call(routeRoute.GET, { token: viewerToken, params: { name: model.name }, url: 'http://localhost/api?key=u1' });
    expect(answer.json).toMatchObject({ model: model.name, key: 'u1', version: 1, stage: 'production', artifactUri: 's3://one', artifactDigest: v1.artifactDigest, split: [{ number: 1, weight: 100 }] });
    const again = await call(routeRoute.GET, { token: viewerToken, params: { name: model.name }, url: 'http://localhost/api?key=u1', headers: { 'if-none-match': answer.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

/** Opens the watch stream and reads its events as they come. */
async function watch(name: string, query: string, token?: string) {
  const controller = new AbortController();
  const headers = new Headers(token ? { authorization: `Bearer ${token}` } : {});
  const req = new NextRequest(`http://localhost/api/v1/models/${name}/watch?${query}`, { headers, signal: controller.signal });
  const response = await watchRoute.GET(req, { params: Promise.resolve({ name }) });
  const events: { event: string; data: string; at: number }[] = [];
  let done = false;
  if (response.ok && response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      for (;;) {
        const { value, done: ended } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (ended) break;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event) events.push({ event, data: data ?? '', at: performance.now() });
        }
      }
      done = true;
    })();
  }
  return { response, events, ended: () => done, close: () => controller.abort() };
}

describe('watch', () => {
  it('sends the answer at once and again within 1 s of a change, to a serving token', async () => {
    const { model, v2 } = await stagedModel();
    const { token } = await createApiToken(admin, { name: 'watcher', kind: 'serving', model: model.name });
    const stream = await watch(model.name, 'stage=staging', token);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    await until(async () => stream.events.length > 0, 2_000);
    expect(stream.events[0]!.event).toBe('resolved');
    expect(JSON.parse(stream.events[0]!.data)).toMatchObject({ version: 1 });

    const changedAt = performance.now();
    await moveVersion(scientist, 'promote', { model: model.name, number: v2.number });
    await until(async () => stream.events.some((e) => e.event === 'resolved' && JSON.parse(e.data).version === 2), 1_000);
    const seen = stream.events.find((e) => e.event === 'resolved' && JSON.parse(e.data).version === 2)!;
    expect(seen.at - changedAt).toBeLessThan(1_000);
    stream.close();
  });

  it('ends the stream when the token that opened it is revoked', async () => {
    const { model } = await stagedModel();
    const created = await createApiToken(admin, { name: 'revoked watcher', kind: 'serving' });
    const stream = await watch(model.name, 'stage=staging', created.token);
    await until(async () => stream.events.length > 0, 2_000);
    await revokeApiToken(admin, { tokenId: created.record.id });
    await until(async () => stream.ended(), 2_000);
    expect(stream.events.at(-1)!.event).toBe('revoked');
  });

  it('ends a browser session\'s stream when that person is disabled', async () => {
    const { model } = await stagedModel();
    const person = await seedUser({ role: 'viewer' });
    session.user = person.id;
    try {
      const stream = await watch(model.name, 'stage=staging');
      expect(stream.response.status).toBe(200);
      await until(async () => stream.events.length > 0, 2_000);
      await updateUser(admin, { userId: person.id, disabled: true });
      await until(async () => stream.ended(), 2_000);
      expect(stream.events.at(-1)).toMatchObject({ event: 'revoked', data: expect.stringContaining('UNAUTHENTICATED') });
    } finally {
      session.user = null;
    }
  });

  it('refuses a caller without a token, and one restricted to another model, before streaming', async () => {
    const { model } = await stagedModel();
    expect((await watch(model.name, 'stage=staging')).response.status).toBe(401);
    const other = await seedModel({ owner: scientist });
    const elsewhere = await seedToken(viewer, { model: other.name });
    expect((await watch(model.name, 'stage=staging', elsewhere)).response.status).toBe(403);
    expect((await watch(model.name, '', viewerToken)).response.status).toBe(400);
  });
});

describe('metrics and request ids', () => {
  const scrape = (token?: string) => call(metricsRoute.GET, { token });

  it('refuses no token and a viewer, answers an admin and the configured scraper secret', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape(viewerToken)).status).toBe(403);
    expect((await scrape('not-the-secret-at-all')).status).toBe(401);
    const byAdmin = await scrape(adminToken);
    expect(byAdmin.status).toBe(200);
    process.env.MODELGATE_METRICS_TOKEN = 'scraper-secret-0123456789';
    try {
      expect((await scrape('scraper-secret-0123456789')).status).toBe(200);
      expect((await scrape('scraper-secret-012345678X')).status).toBe(401);
    } finally {
      delete process.env.MODELGATE_METRICS_TOKEN;
    }
  });

  it('reports latency per route template, the database pool, the outbox depth, the job queue and the cache hit rate', async () => {
    const { model } = await stagedModel();
    for (let i = 0; i < 3; i++) await resolve(model.name, 'stage=staging');
    const text = (await scrape(adminToken)).json as string;
    expect(text).toMatch(/modelgate_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/models\/\[name\]\/resolve",status="200"\} \d+/);
    expect(text).not.toContain(model.name);
    expect(text).toMatch(/modelgate_db_pool_connections\{pool="prisma",state="in_use"\} \d+/);
    expect(text).toMatch(/modelgate_webhook_outbox_pending \d+/);
    expect(text).toMatch(/modelgate_jobs\{state="waiting"\} \d+/);
    expect(text).toMatch(/modelgate_serving_cache_lookups_total\{cache="resolve",result="hit"\} [1-9]/);
    expect(text).toMatch(/modelgate_gauge\{name="change_feed_live"\} 1/);
  });

  it('keeps a caller\'s X-Request-Id, replaces a malformed one, and makes one up otherwise', async () => {
    const { model } = await stagedModel();
    const given = await resolve(model.name, 'stage=staging', { 'x-request-id': 'lb-7f3a.42' });
    expect(given.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const forged = await resolve(model.name, 'stage=staging', { 'x-request-id': 'a "fake" log line' });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const made = await resolve(model.name, 'stage=staging');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call(resolveRoute.GET, { params: { name: model.name } })).headers.get('x-request-id')).toBeTruthy();
  });
});
