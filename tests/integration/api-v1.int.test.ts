// API v1 driven as a pipeline and a serving system would: bearer tokens, JSON bodies, error shapes.
import { beforeAll, describe, expect, it } from 'vitest';
import * as modelsRoute from '@/app/api/v1/models/route';
import * as modelRoute from '@/app/api/v1/models/[name]/route';
import * as versionsRoute from '@/app/api/v1/models/[name]/versions/route';
import * as versionRoute from '@/app/api/v1/models/[name]/versions/[number]/route';
import * as promoteRoute from '@/app/api/v1/models/[name]/versions/[number]/promote/route';
import * as requestRoute from '@/app/api/v1/models/[name]/versions/[number]/promotion-requests/route';
import * as approveRoute from '@/app/api/v1/promotion-requests/[id]/approve/route';
import * as rollbackRoute from '@/app/api/v1/models/[name]/rollback/route';
import * as resolveRoute from '@/app/api/v1/models/[name]/resolve/route';
import * as aliasRoute from '@/app/api/v1/models/[name]/aliases/[alias]/route';
import * as auditRoute from '@/app/api/v1/audit/route';
import * as openapiRoute from '@/app/api/openapi.json/route';
import { DEFAULT_CARD_SECTIONS } from '@/lib/registry';
import { createApiToken } from '@/lib/services/create-api-token';
import { revokeApiToken } from '@/lib/services/revoke-api-token';
import { call } from './api-client';
import { makeActor, tokenFor, uniqueName } from './fixtures';

const tokens: Record<'viewer' | 'scientist' | 'approver', string> = { viewer: '', scientist: '', approver: '' };
const model = uniqueName('api');
const CARD = DEFAULT_CARD_SECTIONS.map((s) => `## ${s}\nFilled.`).join('\n');
const digest = (c: string) => `sha256:${c.repeat(64)}`;

function versionBody(overrides: Record<string, unknown> = {}) {
  return {
    dataVersion: '2026-11',
    artifactUri: 's3://bucket/model.bin',
    artifactDigest: digest('a'),
    trainingDataHash: 'sha256:data',
    codeCommit: 'abc123',
    modelCard: CARD,
    metrics: [{ key: 'auc', value: 0.9 }, { key: 'auc', value: 0.88, slice: 'region=EU' }],
    ...overrides,
  };
}

beforeAll(async () => {
  for (const role of ['viewer', 'scientist', 'approver'] as const) {
    const owner = await makeActor(role);
    tokens[role] = await tokenFor(owner, { name: `${role} pipeline` });
  }
});

describe('API v1', () => {
  // Anonymous browser-style calls need Next's request scope for the session lookup; e2e/api-authorization covers them.
  it('registers a model, and refuses a viewer and a bad name', async () => {
    const created = await call(modelsRoute.POST, { method: 'POST', token: tokens.scientist, body: { name: model, metrics: [{ key: 'auc', direction: 'higher', isPrimary: true }] } });
    expect(created.status).toBe(201);
    expect((await call(modelsRoute.POST, { method: 'POST', token: tokens.viewer, body: { name: uniqueName() } })).status).toBe(403);
    const bad = await call(modelsRoute.POST, { method: 'POST', token: tokens.scientist, body: { name: '../etc' } });
    expect(bad).toMatchObject({ status: 400, json: { error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('name') } } });
    expect((await call(modelRoute.GET, { params: { name: model }, token: tokens.viewer })).json).toMatchObject({ name: model, counts: { testing: 0 } });
  });

  it('registers a version in one call, idempotently on Idempotency-Key and on the artifact digest', async () => {
    const first = await call(versionsRoute.POST, { method: 'POST', params: { name: model }, token: tokens.scientist, body: versionBody(), headers: { 'idempotency-key': 'run-1' } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ model, number: 1, semver: '1.0.0', stage: 'testing', artifactDigest: digest('a') });
    const retry = await call(versionsRoute.POST, { method: 'POST', params: { name: model }, token: tokens.scientist, body: versionBody(), headers: { 'idempotency-key': 'run-1' } });
    expect(retry).toMatchObject({ status: 200, json: { number: 1 } });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const sameDigest = await call(versionsRoute.POST, { method: 'POST', params: { name: model }, token: tokens.scientist, body: versionBody() });
    expect(sameDigest).toMatchObject({ status: 200, json: { number: 1 } });
    const reused = await call(versionsRoute.POST, { method: 'POST', params: { name: model }, token: tokens.scientist, body: versionBody({ artifactDigest: digest('b') }), headers: { 'idempotency-key': 'run-1' } });
    expect(reused).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } });
    // Ten concurrent retries of one step: still one version.
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => call(versionsRoute.POST, { method: 'POST', params: { name: model }, token: tokens.scientist, body: versionBody({ artifactDigest: digest('c'), dataVersion: '2026-12' }), headers: { 'idempotency-key': 'run-2' } })),
    );
    expect(new Set(burst.map((r) => (r.json as { number: number }).number))).toEqual(new Set([2]));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(1);
  });

  it('answers bad bodies with 400 and oversized ones with 413', async () => {
    const notJson = await call(versionsRoute.POST, { method: 'POST', params: { name: model }, token: tokens.scientist, rawBody: '{"oops' });
    expect(notJson).toMatchObject({ status: 400, json: { error: { code: 'INVALID_ARGUMENT', message: 'The request body is not valid JSON.' } } });
    const missing = await call(versionsRoute.POST, { method: 'POST', params: { name: model }, token: tokens.scientist, body: { artifactUri: 'x' } });
    expect(missing).toMatchObject({ status: 400, json: { error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('dataVersion') } } });
    const huge = await call(versionsRoute.POST, { method: 'POST', params: { name: model }, token: tokens.scientist, body: versionBody({ modelCard: 'x'.repeat(1_100_000) }) });
    expect(huge).toMatchObject({ status: 413, json: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
  });

  it('lists and searches versions with filters and a cursor', async () => {
    await call(versionsRoute.POST, { method: 'POST', params: { name: model }, token: tokens.scientist, body: versionBody({ artifactDigest: digest('d'), metrics: [{ key: 'auc', value: 0.95 }, { key: 'auc', value: 0.94, slice: 'region=EU' }], tags: { team: 'risk' } }) });
    const high = await call(versionsRoute.GET, { url: 'http://localhost/api?metric=auc>=0.93', params: { name: model }, token: tokens.viewer });
    expect((high.json as { versions: { number: number }[] }).versions.map((v) => v.number)).toEqual([3]);
    const tagged = await call(versionsRoute.GET, { url: 'http://localhost/api?tag=team=risk&stage=testing', params: { name: model }, token: tokens.viewer });
    expect((tagged.json as { versions: unknown[] }).versions).toHaveLength(1);
    const page1 = await call(versionsRoute.GET, { url: 'http://localhost/api?limit=2', params: { name: model }, token: tokens.viewer });
    const { versions, nextCursor } = page1.json as { versions: { number: number }[]; nextCursor: number };
    expect(versions.map((v) => v.number)).toEqual([3, 2]);
    const page2 = await call(versionsRoute.GET, { url: `http://localhost/api?limit=2&cursor=${nextCursor}`, params: { name: model }, token: tokens.viewer });
    expect(page2.json).toMatchObject({ versions: [{ number: 1 }], nextCursor: null });
    expect((await call(versionsRoute.GET, { url: 'http://localhost/api?metric=auc>>1', params: { name: model }, token: tokens.viewer })).status).toBe(400);
    expect((await call(versionRoute.GET, { params: { name: model, number: '99' }, token: tokens.viewer })).status).toBe(404);
  });

  it('promotes, requests, approves, resolves, rolls back — with the same rules as the browser', async () => {
    const actions = { promote: promoteRoute, 'promotion-requests': requestRoute };
    const act = (action: keyof typeof actions, number: string, token: string, body: unknown = {}) => call(actions[action].POST, { method: 'POST', params: { name: model, number }, token, body });
    expect((await act('promote', '1', tokens.viewer)).status).toBe(403);
    for (const n of ['1', '3']) expect((await act('promote', n, tokens.scientist)).status).toBe(200);
    const request = await act('promotion-requests', '1', tokens.scientist, { comment: 'first release' });
    expect(request.json).toMatchObject({ request: { status: 'pending' } });
    const requestId = (request.json as { request: { id: string } }).request.id;
    expect((await call(approveRoute.POST, { method: 'POST', params: { id: requestId }, token: tokens.scientist, body: {} })).status).toBe(403);
    expect((await call(approveRoute.POST, { method: 'POST', params: { id: requestId }, token: tokens.approver, body: {} })).json).toMatchObject({ status: 'approved', deployed: true });

    const resolved = await call(resolveRoute.GET, { url: 'http://localhost/api?stage=production', params: { name: model }, token: tokens.viewer });
    expect(resolved).toMatchObject({ status: 200, json: { version: 1, artifactUri: 's3://bucket/model.bin', artifactDigest: digest('a') } });
    expect((await call(resolveRoute.GET, { url: 'http://localhost/api?alias=champion', params: { name: model }, token: tokens.viewer })).status).toBe(404);
    expect((await call(resolveRoute.GET, { url: 'http://localhost/api', params: { name: model }, token: tokens.viewer })).status).toBe(400);

    const second = await act('promotion-requests', '3', tokens.scientist, { comment: 'better auc' });
    expect(second.status).toBe(201);
    const secondId = (second.json as { request: { id: string } }).request.id;
    await call(approveRoute.POST, { method: 'POST', params: { id: secondId }, token: tokens.approver, body: { expectedProduction: 1 } });
    expect((await call(resolveRoute.GET, { url: 'http://localhost/api?stage=production', params: { name: model }, token: tokens.viewer })).json).toMatchObject({ version: 3 });

    expect((await call(rollbackRoute.POST, { method: 'POST', params: { name: model }, token: tokens.scientist, body: { reason: 'nope' } })).status).toBe(403);
    const rolled = await call(rollbackRoute.POST, { method: 'POST', params: { name: model }, token: tokens.approver, body: { reason: 'error rate up' } });
    expect(rolled).toMatchObject({ status: 200, json: { restored: { number: 1 }, failed: { number: 3 } } });
    expect((await call(resolveRoute.GET, { url: 'http://localhost/api?stage=production', params: { name: model }, token: tokens.viewer })).json).toMatchObject({ version: 1 });

    const audit = await call(auditRoute.GET, { url: `http://localhost/api?model=${model}&action=model.rolled_back`, token: tokens.viewer });
    expect((audit.json as { events: { actor: string }[] }).events[0]?.actor).toContain('(token "approver pipeline")');
  });

  it('sets and removes aliases; champion needs an approver and a version that passes the Production gates', async () => {
    const alias = (name: string, method: 'PUT' | 'DELETE', token: string, body?: unknown) =>
      call(aliasRoute[method], { method, params: { name: model, alias: name }, token, body });
    expect(await alias('candidate', 'PUT', tokens.scientist, { version: 3 })).toMatchObject({ status: 200, json: { alias: 'candidate', version: 3 } });
    expect((await call(resolveRoute.GET, { url: 'http://localhost/api?alias=candidate', params: { name: model }, token: tokens.viewer })).json).toMatchObject({ version: 3 });
    expect((await alias('candidate', 'PUT', tokens.viewer, { version: 1 })).status).toBe(403);
    expect(await alias('candidate', 'PUT', tokens.scientist, { version: 0 })).toMatchObject({ status: 400, json: { error: { code: 'INVALID_ARGUMENT' } } });
    expect(await alias('latest', 'PUT', tokens.scientist, { version: 1 })).toMatchObject({ status: 400, json: { error: { message: expect.stringContaining('reserved') } } });
    expect((await alias('champion', 'PUT', tokens.scientist, { version: 1 })).status).toBe(403);
    expect(await alias('champion', 'PUT', tokens.approver, { version: 1 })).toMatchObject({ status: 200, json: { alias: 'champion', version: 1 } });
    expect(await alias('candidate', 'DELETE', tokens.scientist)).toMatchObject({ status: 200, json: { deleted: true } });
    expect((await call(resolveRoute.GET, { url: 'http://localhost/api?alias=candidate', params: { name: model }, token: tokens.viewer })).status).toBe(404);
  });

  it('stops accepting a token once it is revoked', async () => {
    const admin = await makeActor('admin');
    const { token, record } = await createApiToken(admin, { name: 'short-lived', role: 'viewer' });
    expect((await call(modelRoute.GET, { params: { name: model }, token })).status).toBe(200);
    await revokeApiToken(admin, { tokenId: record.id });
    expect((await call(modelRoute.GET, { params: { name: model }, token })).status).toBe(401);
    expect((await call(modelRoute.GET, { params: { name: model }, headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('describes itself in OpenAPI 3.1', async () => {
    const doc = (await call(openapiRoute.GET as never, {})).json as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/models/{name}/versions', '/api/v1/models/{name}/resolve', '/api/v1/promotion-requests/{id}/approve']));
  });
});
