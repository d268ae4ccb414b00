// Serving tokens: the only credential whose health reports can roll Production back, and one that can do
// nothing but resolve, route and report health — on every route, MLflow's included, and in the services.
import { beforeAll, describe, expect, it } from 'vitest';
import * as healthRoute from '@/app/api/v1/models/[name]/health/route';
import * as resolveRoute from '@/app/api/v1/models/[name]/resolve/route';
import { actorFromToken } from '@/lib/auth/api-token';
import { db } from '@/lib/db/prisma';
import { DEFAULT_CARD_SECTIONS } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { cancelRequest } from '@/lib/services/cancel-request';
import { createModel } from '@/lib/services/create-model';
import { decideRequest } from '@/lib/services/decide-request';
import { createApiToken } from '@/lib/services/create-api-token';
import { moveVersion } from '@/lib/services/move-version';
import { registerVersion } from '@/lib/services/register-version';
import { requestProduction } from '@/lib/services/request-production';
import { rollbackModel } from '@/lib/services/rollback-model';
import { call } from './api-client';
import { basicAuth, send } from './mlflow-client';
import { makeActor, makeModel, register, tokenFor, uniqueName, versionInput } from './fixtures';

let scientist: Actor, approver: Actor, admin: Actor;
const CARD = DEFAULT_CARD_SECTIONS.map((s) => `## ${s}\ntext`).join('\n');

beforeAll(async () => {
  [scientist, approver, admin] = await Promise.all([makeActor('scientist'), makeActor('approver'), makeActor('admin')]);
});

/** A model with v1 and v2 deployed in turn: v2 in Production, v1 the version a rollback restores. */
async function servedModel() {
  const model = await makeModel(scientist);
  for (let i = 0; i < 2; i++) {
    const v = await register(scientist, model.name, { trainingDataHash: 'h', codeCommit: 'c', modelCard: CARD });
    await moveVersion(scientist, 'promote', { model: model.name, number: v.number });
    const { request } = await requestProduction(scientist, { model: model.name, number: v.number, comment: 'ship it' });
    await decideRequest(approver, { requestId: request.id, decision: 'approve' });
  }
  return model;
}

const unhealthy = (token: string, model: string) => call(healthRoute.POST, { method: 'POST', token, params: { name: model }, body: { healthy: false, reason: '5xx spike' } });
const healthy = (token: string, model: string) => call(healthRoute.POST, { method: 'POST', token, params: { name: model }, body: { healthy: true } });
const productionOf = async (modelId: string) => (await db.modelVersion.findFirstOrThrow({ where: { modelId, stage: 'production' } })).number;

async function servingToken(model?: string): Promise<string> {
  return (await createApiToken(admin, { name: `serving ${uniqueName()}`, kind: 'serving', model })).token;
}

describe('health reports and automatic rollback', () => {
  it('records three unhealthy reports from a scientist token but does not act on them', async () => {
    const model = await servedModel();
    const token = await tokenFor(scientist);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await unhealthy(token, model.name));
    expect(await productionOf(model.id)).toBe(2);
    for (const answer of answers) expect(answer).toMatchObject({ status: 200, json: { recorded: true, healthy: false, rolledBack: false, actedOn: false } });
    expect(await db.healthSignal.count({ where: { modelId: model.id, healthy: false } })).toBe(3);
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'model.rolled_back' } })).toBe(0);
  });

  it('rolls back after three unhealthy reports from a serving token an admin created', async () => {
    const model = await servedModel();
    const token = await servingToken(model.name);
    expect((await unhealthy(token, model.name)).json).toMatchObject({ rolledBack: false, actedOn: true, unhealthyInARow: 1 });
    await unhealthy(token, model.name);
    const third = await unhealthy(token, model.name);
    expect(third.json).toMatchObject({ rolledBack: true, restored: 1 });
    expect(await productionOf(model.id)).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { modelId: model.id, action: 'model.rolled_back' } });
    expect(event.actorLabel).toBe('automatic rollback');
  });

  it('lets no other caller break a serving streak with healthy reports, nor extend it with unhealthy ones', async () => {
    const model = await servedModel();
    const serving = await servingToken();
    const person = await tokenFor(admin);
    await unhealthy(serving, model.name);
    await healthy(person, model.name);
    await unhealthy(serving, model.name);
    await unhealthy(person, model.name);
    expect(await productionOf(model.id)).toBe(2);
    expect((await unhealthy(serving, model.name)).json).toMatchObject({ rolledBack: true });
  });
});

describe('what a serving token can do', () => {
  it('resolves and reports health, and is refused by every other service', async () => {
    const model = await servedModel();
    const token = await servingToken(model.name);
    const actor = await actorFromToken(token);
    expect(actor.role).toBe('serving');
    expect((await call(resolveRoute.GET, { token, params: { name: model.name }, url: 'http://localhost/api?stage=production' })).json).toMatchObject({ version: 2 });
    await expect(createModel(actor, { name: uniqueName(), metrics: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(registerVersion(actor, versionInput(model.name))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(rollbackModel(actor, { model: model.name, reason: 'because I can' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(moveVersion(actor, 'archive', { model: model.name, number: 1, comment: 'tidy up' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The token's owner (the admin) may withdraw their own request; the token acting for them may not.
    const v3 = await register(scientist, model.name, { trainingDataHash: 'h', codeCommit: 'c', modelCard: CARD });
    await moveVersion(scientist, 'promote', { model: model.name, number: v3.number });
    const { request } = await requestProduction(admin, { model: model.name, number: v3.number, comment: 'ship it' });
    await expect(cancelRequest(actor, { requestId: request.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('cannot be created with a role ceiling below health reporting, nor for another person', async () => {
    const viewer = await makeActor('viewer');
    await expect(createApiToken(viewer, { name: 'mine', kind: 'serving' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createApiToken(admin, { name: 'theirs', kind: 'serving', ownerId: scientist.id! } as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('stops reporting when the owner can no longer report health', async () => {
    const owner = await makeActor('admin');
    const { token } = await createApiToken(owner, { name: 'serving', kind: 'serving' });
    await db.user.update({ where: { id: owner.id! }, data: { role: 'viewer' } });
    await expect(actorFromToken(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('a serving token through the MLflow API', () => {
  it('is refused as a bearer token and as a Basic password alike', async () => {
    const model = await servedModel();
    const token = await servingToken(model.name);
    const bearer = await send('GET registered-models/get', { name: model.name }, `Bearer ${token}`);
    const basic = await send('GET registered-models/get', { name: model.name }, basicAuth(admin.label, token));
    expect([bearer.status, bearer.json.error_code, basic.status, basic.json.error_code]).toEqual([403, 'PERMISSION_DENIED', 403, 'PERMISSION_DENIED']);
    const transition = await send('POST model-versions/transition-stage', { name: model.name, version: '1', stage: 'Archived' }, `Bearer ${token}`);
    expect(transition.status).toBe(403);
  });
});

describe('a serving token on every route', () => {
  const routeModules = import.meta.glob('../../app/api/**/route.ts');
  // The three things a serving system does; every other route must refuse the token.
  const ALLOWED = new Set(['GET v1/models/[name]/resolve', 'GET v1/models/[name]/route', 'POST v1/models/[name]/health']);
  // No credentials involved: health checks, the API description, next-auth's own endpoints, MLflow's "no such endpoint".
  const NOT_AUTHENTICATED = [/^GET health$/, /^GET openapi\.json$/, /^\w+ auth\//, /^\w+ 2\.0\/mlflow\/\[\.\.\.path\]$/];
  const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
  const MODEL = uniqueName('sweep');

  it('is refused (403) everywhere but resolve, route and health', async () => {
    const owner = await makeActor('scientist');
    await createModel(owner, { name: MODEL, metrics: [{ key: 'auc', direction: 'higher', isPrimary: true }] });
    await register(owner, MODEL);
    const token = await servingToken();
    const params = { name: MODEL, model: MODEL, number: '1', id: 'x', alias: 'champion', decision: 'approve', move: 'archive', action: 'promote' };
    const refusedWrongly: string[] = [];
    let tried = 0;
    for (const [path, load] of Object.entries(routeModules)) {
      const route = path.replace('../../app/api/', '').replace(/\/route\.ts$/, '');
      const routeModule = (await load()) as Record<string, Parameters<typeof call>[0]>;
      for (const method of METHODS) {
        const key = `${method} ${route}`;
        if (typeof routeModule[method] !== 'function' || NOT_AUTHENTICATED.some((p) => p.test(key))) continue;
        const query = `name=${MODEL}&version=1&stage=production&key=u1&alias=champion&target=staging&v=1,2&t=2026-01-01T00:00:00Z`;
        const answer = await call(routeModule[method]!, { method, token, params, url: `http://localhost/api/${route}?${query}`, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
        tried += 1;
        const refused = answer.status === 403;
        if (ALLOWED.has(key) === refused) refusedWrongly.push(`${key} → ${answer.status}`);
      }
    }
    expect(refusedWrongly).toEqual([]);
    expect(tried).toBeGreaterThan(60);
  });
});
