// npm start's worker answers resolve and route with a bearer token before Next's router (scripts/lib/next-worker.mjs,
// lib/serving/fast-path.ts). It calls the route's own handler, so nothing may differ from the answer the same build
// gives through Next: every case below is asked of a plain `next start` and of a worker, and status, body, ETag and
// headers must match — valid, garbled, revoked and wrong-model tokens, a viewer with no access, unknown models,
// bad queries, 304s — and the worker must really have answered them itself.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { get } from 'node:http';
import { startApp, type AppInstance } from './app-instance';
import { createPeople, sql, type Person } from './bootstrap';
import { call, versionBody } from './client';
import { createModel } from './races';

const databaseUrl = inject('databaseUrl');
const METRICS_SECRET = 'fast-path-metrics-secret-0123456789';
let viaNext: AppInstance;
let worker: AppInstance;
let people: Record<string, Person>;
let model: string;
let otherModel: string;

beforeAll(async () => {
  const env = { MODELGATE_METRICS_TOKEN: METRICS_SECRET };
  [viaNext, worker] = await Promise.all([startApp('next start', databaseUrl, env), startApp('npm start worker', databaseUrl, env, { worker: true })]);
  people = await createPeople(databaseUrl, { scientist: 'scientist', approver: 'approver', viewer: 'viewer' });
  model = await createModel(viaNext.url, people.scientist!.token);
  otherModel = await createModel(viaNext.url, people.scientist!.token);
  const registered = await call(viaNext.url, `/api/v1/models/${model}/versions`, { token: people.scientist!.token, body: versionBody() });
  const number = (registered.body as { number: number }).number;
  expect((await call(viaNext.url, `/api/v1/models/${model}/versions/${number}/promote`, { token: people.scientist!.token, body: {} })).status).toBe(200);
  const requested = await call(viaNext.url, `/api/v1/models/${model}/versions/${number}/promotion-requests`, { token: people.scientist!.token, body: { comment: 'ship' } });
  const id = (requested.body as { request: { id: string } }).request.id;
  expect((await call(viaNext.url, `/api/v1/promotion-requests/${id}/approve`, { token: people.approver!.token, body: { comment: 'ok' } })).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await Promise.all([viaNext?.stop(), worker?.stop()]);
});

/** A token written into the database like the suite's others: scoped to a model, revoked, or of the serving kind. */
async function token(owner: Person, role: string, extra: { modelName?: string; revoked?: boolean; kind?: 'serving' } = {}): Promise<string> {
  const secret = `mgt_${randomBytes(32).toString('base64url')}`;
  const [scope] = extra.modelName ? await sql<{ id: string }>(databaseUrl, 'SELECT id FROM registered_model WHERE name = $1', [extra.modelName]) : [];
  await sql(databaseUrl, `INSERT INTO api_token (id, name, owner_id, created_by_id, role, kind, model_id, token_hash, prefix, revoked_at) VALUES ($1, 'fast path', $2, $2, $3::"Role", $4::"TokenKind", $5, $6, $7, $8)`, [
    randomUUID(), owner.id, role, extra.kind ?? 'standard', scope?.id ?? null, createHash('sha256').update(secret).digest('hex'), secret.slice(0, 10), extra.revoked ? new Date() : null,
  ]);
  return secret;
}

interface Seen {
  status: number;
  /** The bytes as sent (gzip included), base64. */
  body: string;
  headers: Record<string, string | null>;
  /** Whether the answer carries a request id (its value is new on every answer). */
  requestId: boolean;
}

const COMPARED = ['content-type', 'etag', 'cache-control', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'content-security-policy', 'vary', 'content-encoding'];

/** One GET with node:http, which sends the path exactly as written (fetch would normalise dot segments). */
function ask(base: string, path: string, headers: Record<string, string>): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const request = get(`${base}${path.startsWith('/') ? '' : '/'}`, { path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const seen: Seen = { status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('base64'), headers: {}, requestId: !!response.headers['x-request-id'] };
        for (const name of COMPARED) {
          const value = response.headers[name];
          seen.headers[name] = value === undefined ? null : String(value);
        }
        resolve(seen);
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

async function fastAnswers(): Promise<number> {
  const text = await (await fetch(`${worker.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_SECRET}` } })).text();
  return Number(/modelgate_gauge\{name="fast_path_answers"\} (\d+)/.exec(text)?.[1] ?? 0);
}

describe('the worker’s fast path answers exactly as Next does', () => {
  it('for every token, scope and query case, and it answers them itself', async () => {
    const viewer = people.viewer!.token;
    const cases: [string, string, Record<string, string>][] = [];
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    const resolve = `/api/v1/models/${model}/resolve`;
    // Warm both: the worker offers a route to its fast path once Next has loaded it.
    await ask(worker.url, `${resolve}?stage=production`, bearer(viewer));
    await ask(worker.url, `/api/v1/models/${model}/route?key=warm`, bearer(viewer));
    const { headers } = await ask(viaNext.url, `${resolve}?stage=production`, bearer(viewer));
    const etag = headers.etag!;
    expect(etag).toBeTruthy();
    const scopedElsewhere = await token(people.scientist!, 'scientist', { modelName: otherModel });
    const scopedHere = await token(people.scientist!, 'scientist', { modelName: model });
    const revoked = await token(people.viewer!, 'viewer', { revoked: true });
    const serving = await token(people.scientist!, 'viewer', { modelName: model, kind: 'serving' });
    for (const [label, t] of [['viewer', viewer], ['scoped to this model', scopedHere], ['scoped to another model', scopedElsewhere], ['revoked', revoked], ['serving token', serving], ['unknown', `mgt_${randomBytes(32).toString('base64url')}`]] as const) {
      cases.push([`${label}: production`, `${resolve}?stage=production`, bearer(t)]);
      cases.push([`${label}: staging`, `${resolve}?stage=staging`, bearer(t)]);
      cases.push([`${label}: route`, `/api/v1/models/${model}/route?key=user-7`, bearer(t)]);
    }
    cases.push(['304 on the ETag', `${resolve}?stage=production`, { ...bearer(viewer), 'if-none-match': etag }]);
    cases.push(['weak ETag list', `${resolve}?stage=production`, { ...bearer(viewer), 'if-none-match': `"x", W/${etag}` }]);
    cases.push(['stale ETag', `${resolve}?stage=production`, { ...bearer(viewer), 'if-none-match': '"stale"' }]);
    cases.push(['an alias nobody set', `${resolve}?alias=champion`, bearer(viewer)]);
    cases.push(['a bad stage', `${resolve}?stage=nowhere`, bearer(viewer)]);
    cases.push(['no query', resolve, bearer(viewer)]);
    cases.push(['route without a key', `/api/v1/models/${model}/route`, bearer(viewer)]);
    cases.push(['an unknown model', `/api/v1/models/no-such-${randomUUID().slice(0, 6)}/resolve?stage=production`, bearer(viewer)]);
    cases.push(['an encoded name', `/api/v1/models/${encodeURIComponent(model)}/resolve?stage=production`, bearer(viewer)]);
    cases.push(['a name that is not valid percent-encoding', '/api/v1/models/%E0%A4%A/resolve?stage=production', bearer(viewer)]);
    cases.push(['a dot segment', '/api/v1/models/../resolve?stage=production', bearer(viewer)]);
    cases.push(['an encoded dot segment', `/api/v1/models/%2e%2e/models/${model}/resolve?stage=production`, bearer(viewer)]);
    cases.push(['an encoded slash in the name', `/api/v1/models/${model}%2Fx/resolve?stage=production`, bearer(viewer)]);
    cases.push(['a garbled authorization', `${resolve}?stage=production`, { authorization: 'Bearer' }]);
    cases.push(['two tokens', `${resolve}?stage=production`, { authorization: `Bearer ${viewer} ${viewer}` }]);
    cases.push(['no token', `${resolve}?stage=production`, {}]);
    cases.push(['basic auth', `${resolve}?stage=production`, { authorization: 'Basic dXNlcjpwYXNz' }]);
    cases.push(['gzip asked for', `${resolve}?stage=production`, { ...bearer(viewer), 'accept-encoding': 'gzip' }]);

    const before = await fastAnswers();
    for (const [label, path, headers] of cases) {
      const [expected, actual] = [await ask(viaNext.url, path, headers), await ask(worker.url, path, headers)];
      expect(actual, label).toEqual(expected);
    }
    // The cases with a bearer token on a known route shape went through the fast path (not all to Next).
    expect(await fastAnswers()).toBeGreaterThanOrEqual(before + 20);
  });

  it('a token revoked while the worker answers from memory is refused on its next call, as through Next', async () => {
    const fresh = await token(people.viewer!, 'viewer');
    const path = `/api/v1/models/${model}/resolve?stage=production`;
    expect((await ask(worker.url, path, { authorization: `Bearer ${fresh}` })).status).toBe(200);
    await sql(databaseUrl, 'UPDATE api_token SET revoked_at = now() WHERE token_hash = $1', [createHash('sha256').update(fresh).digest('hex')]);
    const deadline = Date.now() + 1_000;
    let status = 200;
    while (Date.now() < deadline && status === 200) status = (await ask(worker.url, path, { authorization: `Bearer ${fresh}` })).status;
    expect(status).toBe(401);
    expect((await ask(viaNext.url, path, { authorization: `Bearer ${fresh}` })).status).toBe(401);
  });
});
