// npm start's worker answers the serving reads (resolve, route) and registration (REST v1 and MLflow's create) with a
// bearer token before Next's router (scripts/lib/next-worker.mjs, lib/serving/fast-path.ts). It calls the route's own
// handler, so nothing may differ from the answer the same build gives through Next: every case below is asked of a
// plain `next start` and of a worker, and status, body, ETag and headers must match — valid, garbled, revoked and
// wrong-model tokens, a viewer with no access, unknown models, bad queries, 304s, bad and oversized bodies,
// idempotent replays — and the worker must really have answered the fast ones itself.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
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

const COMPARED = ['content-type', 'etag', 'cache-control', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'content-security-policy', 'vary', 'content-encoding', 'www-authenticate', 'idempotent-replayed', 'location'];

/** A request's body: bytes sent with their Content-Length, or in chunks (Transfer-Encoding: chunked, no length). */
type Body = Buffer | { chunks: Buffer[] };

/** One request with node:http, which sends the path exactly as written (fetch would normalise dot segments). */
function ask(base: string, path: string, headers: Record<string, string>, options: { method?: string; body?: Body } = {}): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const { body } = options;
    const sent = Buffer.isBuffer(body) ? { 'content-length': String(body.length), ...headers } : headers;
    const request = httpRequest(`${base}${path.startsWith('/') ? '' : '/'}`, { method: options.method ?? 'GET', path, headers: sent, agent: false }, (response) => {
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
    if (Buffer.isBuffer(body)) request.end(body);
    else {
      for (const chunk of body?.chunks ?? []) request.write(chunk);
      request.end();
    }
  });
}

async function fastAnswers(base = worker.url): Promise<number> {
  const text = await (await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_SECRET}` } })).text();
  const gauge = /modelgate_gauge\{name="fast_path_answers"\} (\d+)/.exec(text);
  // Present once a route has offered itself: a missing gauge is a failure, never a count of 0.
  if (!gauge) throw new Error(`no fast_path_answers gauge in ${base}'s metrics`);
  return Number(gauge[1]);
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

/**
 * One side of the registration comparison: its own fresh model (so both sides register the same version numbers)
 * and its own unique values (artifacts, idempotency keys, new model names), put back as placeholders in answers.
 */
class Side {
  private readonly minted = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly model: string,
    /** A scientist token scoped to this side's model, and a serving token of it. */
    readonly scopedHere: string,
    readonly serving: string,
  ) {}

  /** A value unique to this side, shown as <label> in the normalised answers. */
  mint(label: string): string {
    const value = `${label}-${randomBytes(6).toString('hex')}`;
    this.minted.set(value, `<${label}>`);
    return value;
  }

  digest(label: string): string {
    const hex = createHash('sha256').update(this.mint(label)).digest('hex');
    this.minted.set(hex, `<${label}>`);
    return `sha256:${hex}`;
  }

  /** The answer's body with this side's model and minted values as placeholders, times masked, key order kept. */
  normalise(seen: Seen): Omit<Seen, 'body'> & { body: unknown } {
    const text = this.placeholders(Buffer.from(seen.body, 'base64').toString('utf8'));
    let body: unknown = text;
    try {
      body = maskTimes(JSON.parse(text));
    } catch {
      // Not JSON (an empty 405, say): compared as text.
    }
    const headers = Object.fromEntries(Object.entries(seen.headers).map(([k, v]) => [k, v === null ? null : this.placeholders(v)]));
    return { ...seen, headers, body };
  }

  private placeholders(text: string): string {
    let out = text.split(this.model).join('<model>');
    for (const [value, label] of this.minted) out = out.split(value).join(label);
    return out;
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
function maskTimes(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => maskTimes(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskTimes(v, k)]));
  if (typeof value === 'string' && ISO_TIME.test(value)) return '<time>';
  if (typeof value === 'number' && key.endsWith('_timestamp')) return '<time>';
  return value;
}

interface PostCase {
  label: string;
  /** What both answer, so that a change breaking both alike still fails here. */
  status: number;
  method?: string;
  path: (side: Side) => string;
  headers: (side: Side) => Record<string, string>;
  body?: (side: Side) => Body;
  /** Whether the worker answers it itself (a bearer token, a known route, a body declared within the limit). */
  fast: boolean;
}

describe('the worker’s registration fast path answers exactly as Next does', () => {
  it('for valid, malformed, oversized and replayed bodies, every token, and both APIs; every version audited', async () => {
    const scientist = people.scientist!.token;
    const viewer = people.viewer!.token;
    const sides: Side[] = [];
    for (const base of [viaNext.url, worker.url]) {
      const name = await createModel(viaNext.url, scientist);
      sides.push(new Side(base, name, await token(people.scientist!, 'scientist', { modelName: name }), await token(people.scientist!, 'viewer', { modelName: name, kind: 'serving' })));
    }
    const scopedElsewhere = await token(people.scientist!, 'scientist', { modelName: otherModel });
    const revoked = await token(people.scientist!, 'scientist', { revoked: true });
    const json = (t: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${t}`, 'content-type': 'application/json', ...extra });
    const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
    const versions = (s: Side) => `/api/v1/models/${s.model}/versions`;
    const register = (s: Side, label = 'artifact') => bytes(versionBody({ artifactUri: `s3://models/${s.mint(label)}`, artifactDigest: s.digest(`${label}-digest`) }));
    // Made once per side and sent twice: the second is the replay.
    const keyed = new Map<Side, { key: string; body: Buffer }>();
    const keyedOf = (s: Side) => keyed.get(s) ?? (keyed.set(s, { key: s.mint('key'), body: register(s, 'keyed') }), keyed.get(s)!);
    const sameDigest = new Map<Side, Buffer>();
    const sameDigestOf = (s: Side) => sameDigest.get(s) ?? (sameDigest.set(s, register(s, 'deduped')), sameDigest.get(s)!);
    const limit = 1_000_000;
    /** A valid registration padded with spaces to exactly `size` bytes. */
    const padded = (s: Side, size: number) => {
      const body = register(s, 'padded');
      return Buffer.concat([body, Buffer.alloc(size - body.length, ' ')]);
    };
    const mlflowCreate = '/api/2.0/mlflow/model-versions/create';
    const mlflowModel = '/api/2.0/mlflow/registered-models/create';
    const source = (s: Side) => bytes({ name: s.model, source: `s3://mlflow/${s.mint('source')}`, run_id: s.mint('run'), tags: [{ key: 'team', value: 'fraud' }], description: 'from the MLflow client' });
    const newModels = new Map<Side, string>();
    const newModelOf = (s: Side) => newModels.get(s) ?? (newModels.set(s, s.mint('new-model')), newModels.get(s)!);

    const cases: PostCase[] = [
      { label: 'REST: valid registration', status: 201, path: versions, headers: () => json(scientist), body: (s) => register(s), fast: true },
      { label: 'REST: a token scoped to this model', status: 201, path: versions, headers: (s) => json(s.scopedHere), body: (s) => register(s), fast: true },
      { label: 'REST: Idempotency-Key, first', status: 201, path: versions, headers: (s) => json(scientist, { 'idempotency-key': keyedOf(s).key }), body: (s) => keyedOf(s).body, fast: true },
      { label: 'REST: Idempotency-Key, replayed', status: 200, path: versions, headers: (s) => json(scientist, { 'idempotency-key': keyedOf(s).key }), body: (s) => keyedOf(s).body, fast: true },
      { label: 'REST: Idempotency-Key, another body', status: 409, path: versions, headers: (s) => json(scientist, { 'idempotency-key': keyedOf(s).key }), body: (s) => register(s), fast: true },
      { label: 'REST: an artifact digest, first', status: 201, path: versions, headers: () => json(scientist), body: sameDigestOf, fast: true },
      { label: 'REST: the same artifact digest again', status: 200, path: versions, headers: () => json(scientist), body: sameDigestOf, fast: true },
      { label: 'REST: bad JSON', status: 400, path: versions, headers: () => json(scientist), body: () => Buffer.from('{"dataVersion": '), fast: true },
      { label: 'REST: schema error', status: 400, path: versions, headers: () => json(scientist), body: () => bytes({ dataVersion: 5, artifactUri: '' }), fast: true },
      { label: 'REST: unknown field types', status: 400, path: versions, headers: () => json(scientist), body: () => bytes(['not', 'an', 'object']), fast: true },
      { label: 'REST: an empty body', status: 400, path: versions, headers: () => json(scientist), body: () => Buffer.alloc(0), fast: true },
      { label: 'REST: no body, no length', status: 400, path: versions, headers: () => json(scientist), fast: true },
      { label: 'REST: text/plain', status: 201, path: versions, headers: () => json(scientist, { 'content-type': 'text/plain' }), body: (s) => register(s), fast: true },
      { label: 'REST: no content type', status: 201, path: versions, headers: () => ({ authorization: `Bearer ${scientist}` }), body: (s) => register(s), fast: true },
      { label: 'REST: a body of exactly the limit', status: 201, path: versions, headers: () => json(scientist), body: (s) => padded(s, limit), fast: true },
      { label: 'REST: a body one byte over the limit', status: 413, path: versions, headers: () => json(scientist), body: (s) => padded(s, limit + 1), fast: false },
      { label: 'REST: a chunked body', status: 201, path: versions, headers: () => json(scientist), body: (s) => ({ chunks: [register(s)] }), fast: false },
      { label: 'REST: a chunked body over the limit', status: 413, path: versions, headers: () => json(scientist), body: (s) => ({ chunks: [padded(s, 600_000), padded(s, 600_000)] }), fast: false },
      { label: 'REST: a token scoped to another model', status: 403, path: versions, headers: () => json(scopedElsewhere), body: (s) => register(s), fast: true },
      { label: 'REST: a read-only (viewer) token', status: 403, path: versions, headers: () => json(viewer), body: (s) => register(s), fast: true },
      { label: 'REST: a serving token', status: 401, path: versions, headers: (s) => json(s.serving), body: (s) => register(s), fast: true },
      { label: 'REST: a revoked token', status: 401, path: versions, headers: () => json(revoked), body: (s) => register(s), fast: true },
      { label: 'REST: an unknown token', status: 401, path: versions, headers: () => json(`mgt_${randomBytes(32).toString('base64url')}`), body: (s) => register(s), fast: true },
      { label: 'REST: a garbled authorization', status: 401, path: versions, headers: () => ({ authorization: 'Bearer', 'content-type': 'application/json' }), body: (s) => register(s), fast: false },
      { label: 'REST: two tokens', status: 401, path: versions, headers: () => json(`${scientist} ${scientist}`), body: (s) => register(s), fast: true },
      { label: 'REST: an unknown model', status: 404, path: (s) => `/api/v1/models/${s.mint('missing')}/versions`, headers: () => json(scientist), body: (s) => register(s), fast: true },
      { label: 'REST: a name that is not valid percent-encoding (Next itself fails it)', status: 500, path: () => '/api/v1/models/%E0%A4%A/versions', headers: () => json(scientist), body: (s) => register(s), fast: false },
      { label: 'REST: a trailing slash', status: 308, path: (s) => `${versions(s)}/`, headers: () => json(scientist), body: (s) => register(s), fast: false },
      { label: 'REST: PUT', status: 405, method: 'PUT', path: versions, headers: () => json(scientist), body: (s) => register(s), fast: false },
      { label: 'MLflow: create a version', status: 200, path: () => mlflowCreate, headers: () => json(scientist), body: source, fast: true },
      { label: 'MLflow: create, a token scoped to this model', status: 200, path: () => mlflowCreate, headers: (s) => json(s.scopedHere), body: source, fast: true },
      { label: 'MLflow: create without a source', status: 400, path: () => mlflowCreate, headers: () => json(scientist), body: (s) => bytes({ name: s.model }), fast: true },
      { label: 'MLflow: create with a bad tag', status: 400, path: () => mlflowCreate, headers: () => json(scientist), body: (s) => bytes({ name: s.model, source: 's3://x', tags: [{ value: 'no key' }] }), fast: true },
      { label: 'MLflow: create, bad JSON', status: 400, path: () => mlflowCreate, headers: () => json(scientist), body: () => Buffer.from('{"name": '), fast: true },
      { label: 'MLflow: create, double-encoded JSON', status: 200, path: () => mlflowCreate, headers: () => json(scientist), body: (s) => bytes(JSON.stringify({ name: s.model, source: `s3://mlflow/${s.mint('double')}` })), fast: true },
      { label: 'MLflow: create, text/plain', status: 400, path: () => mlflowCreate, headers: () => json(scientist, { 'content-type': 'text/plain' }), body: source, fast: true },
      { label: 'MLflow: create, no content type', status: 400, path: () => mlflowCreate, headers: () => ({ authorization: `Bearer ${scientist}` }), body: source, fast: true },
      { label: 'MLflow: create, an unknown model', status: 404, path: () => mlflowCreate, headers: () => json(scientist), body: (s) => bytes({ name: s.mint('missing'), source: 's3://x' }), fast: true },
      { label: 'MLflow: create, a token scoped to another model', status: 403, path: () => mlflowCreate, headers: () => json(scopedElsewhere), body: source, fast: true },
      { label: 'MLflow: create, a viewer', status: 403, path: () => mlflowCreate, headers: () => json(viewer), body: source, fast: true },
      { label: 'MLflow: create, a revoked token', status: 401, path: () => mlflowCreate, headers: () => json(revoked), body: source, fast: true },
      { label: 'MLflow: create, over the limit', status: 400, path: () => mlflowCreate, headers: () => json(scientist), body: (s) => Buffer.concat([source(s), Buffer.alloc(limit, ' ')]), fast: false },
      // A sign-in attempt: an account of each side's own, or the sign-in throttle would refuse the second.
      { label: 'MLflow: create, basic auth', status: 401, path: () => mlflowCreate, headers: (s) => ({ authorization: `Basic ${Buffer.from(`${s.mint('user')}@example.test:pw`).toString('base64')}`, 'content-type': 'application/json' }), body: source, fast: false },
      { label: 'MLflow: create a model', status: 200, path: () => mlflowModel, headers: () => json(scientist), body: (s) => bytes({ name: newModelOf(s), description: 'new', tags: [{ key: 'team', value: 'fraud' }] }), fast: true },
      { label: 'MLflow: create that model again', status: 400, path: () => mlflowModel, headers: () => json(scientist), body: (s) => bytes({ name: newModelOf(s) }), fast: true },
      { label: 'MLflow: create a model, a viewer', status: 403, path: () => mlflowModel, headers: () => json(viewer), body: (s) => bytes({ name: s.mint('refused') }), fast: true },
      { label: 'MLflow: create a model without a name', status: 400, path: () => mlflowModel, headers: () => json(scientist), body: () => bytes({}), fast: true },
    ];

    // Warm both: the worker offers a route to its fast path once Next has loaded it (a viewer's refusal changes nothing).
    for (const side of sides) {
      for (const path of [versions(side), mlflowCreate, mlflowModel]) await ask(side.base, path, json(viewer), { method: 'POST', body: bytes({ name: side.mint('warm') }) });
    }
    const before = await fastAnswers();
    for (const c of cases) {
      // Both sides at once: each has its own model, so neither changes what the other answers.
      const [expected, actual] = await Promise.all(sides.map(async (side) => side.normalise(await ask(side.base, c.path(side), c.headers(side), { method: c.method ?? 'POST', body: c.body?.(side) }))));
      expect(actual, c.label).toEqual(expected);
      expect(expected?.status, c.label).toBe(c.status);
    }
    expect(await fastAnswers(), 'the fast cases were answered by the worker itself, the others by Next').toBe(before + cases.filter((c) => c.fast).length);

    for (const side of sides) {
      const [counts] = await sql<{ versions: number; audited: number }>(
        databaseUrl,
        `SELECT (SELECT count(*)::int FROM model_version v JOIN registered_model m ON m.id = v.model_id WHERE m.name = $1) AS versions,
                (SELECT count(*)::int FROM audit_event WHERE action = 'version.registered' AND model_name = $1) AS audited`,
        [side.model],
      );
      const { versions: stored, audited } = counts!;
      expect(stored, `${side.base}: versions registered`).toBeGreaterThan(5);
      expect(audited, `${side.base}: one version.registered event per version`).toBe(stored);
    }
  });

  it('MODELGATE_FAST_PATH=off sends every request to Next', async () => {
    const off = await startApp('npm start worker, fast path off', databaseUrl, { MODELGATE_METRICS_TOKEN: METRICS_SECRET, MODELGATE_FAST_PATH: 'off' }, { worker: true });
    try {
      const scientist = people.scientist!.token;
      for (let i = 0; i < 3; i++) {
        expect((await call(off.url, `/api/v1/models/${model}/versions`, { token: scientist, body: versionBody() })).status).toBe(201);
        expect((await call(off.url, '/api/2.0/mlflow/model-versions/create', { token: scientist, body: { name: model, source: `s3://off/${randomUUID()}` } })).status).toBe(200);
        expect((await call(off.url, `/api/v1/models/${model}/resolve?stage=production`, { token: scientist })).status).toBe(200);
      }
      expect(await fastAnswers(off.url)).toBe(0);
    } finally {
      await off.stop();
    }
  });
});
