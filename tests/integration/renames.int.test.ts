// Issue 12 item 11: renaming a model that serves Production must not break the serving systems that load
// it by name — it needs an approver, and the old name keeps resolving until someone removes the redirect.
import { beforeAll, describe, expect, it } from 'vitest';
import * as modelsRoute from '@/app/api/v1/models/route';
import * as resolveRoute from '@/app/api/v1/models/[name]/resolve/route';
import * as routeRoute from '@/app/api/v1/models/[name]/route/route';
import * as healthRoute from '@/app/api/v1/models/[name]/health/route';
import * as redirectsRoute from '@/app/api/v1/models/[name]/redirects/route';
import * as redirectRoute from '@/app/api/v1/models/[name]/redirects/[oldName]/route';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { renameModel } from '@/lib/services/rename-model';
import { call } from './api-client';
import { as, mlflowUser, setProductionApprovals, type MlflowUser } from './mlflow-client';
import { seedToken, seedUser, uniqueName } from '../fixtures';

let admin: Actor, scientist: MlflowUser, approver: MlflowUser;

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  [scientist, approver] = await Promise.all([mlflowUser(admin, 'scientist'), mlflowUser(admin, 'approver')]);
});

/** A model created through MLflow with v1 in Production (a policy that needs no approvals). */
async function servedModel(name = uniqueName('served')) {
  const ds = as(scientist.bearer);
  await ds.post('registered-models/create', { name });
  await setProductionApprovals(name, 0);
  await ds.post('model-versions/create', { name, source: `s3://models/${name}/1` });
  await ds.post('model-versions/transition-stage', { name, version: '1', stage: 'Staging' });
  expect((await ds.post('model-versions/transition-stage', { name, version: '1', stage: 'Production' })).status).toBe(200);
  return name;
}

describe('renaming a model that serves Production', () => {
  it('needs the approver role; a model with nothing in Production renames as before, without a redirect', async () => {
    const name = await servedModel();
    const refused = await as(scientist.bearer).post('registered-models/rename', { name, new_name: uniqueName('nope') });
    expect(refused).toMatchObject({ status: 403, json: { error_code: 'PERMISSION_DENIED', message: expect.stringContaining('approver') } });
    expect(await db.registeredModel.count({ where: { name } })).toBe(1);

    const unserved = uniqueName('idle');
    await as(scientist.bearer).post('registered-models/create', { name: unserved });
    expect((await as(scientist.bearer).post('registered-models/rename', { name: unserved, new_name: `${unserved}-2` })).status).toBe(200);
    expect(await db.modelNameRedirect.count({ where: { oldName: unserved } })).toBe(0);
  });

  it('keeps the old name resolving for REST v1 and MLflow serving reads, and records the redirect', async () => {
    const name = await servedModel();
    const newName = uniqueName('renamed');
    expect((await as(approver.bearer).post('registered-models/rename', { name, new_name: newName })).json.registered_model.name).toBe(newName);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'model.renamed', modelName: newName } });
    expect(event.data).toMatchObject({ from: name, to: newName, redirect: name, servingVersion: 1 });

    const serving = await seedToken(scientist.actor, { name: 'serving', role: 'scientist' });
    const resolved = await call(resolveRoute.GET, { url: 'http://localhost/api?stage=production', params: { name }, token: serving });
    expect(resolved).toMatchObject({ status: 200, json: { model: newName, redirectedFrom: name, version: 1, artifactUri: `s3://models/${name}/1` } });
    expect((await call(routeRoute.GET, { url: 'http://localhost/api?key=u1', params: { name }, token: serving })).json).toMatchObject({ model: newName, version: 1, redirectedFrom: name });
    expect((await call(healthRoute.POST, { method: 'POST', params: { name }, token: serving, body: { healthy: true } })).status).toBe(200);
    expect(await db.healthSignal.count({ where: { model: { name: newName } } })).toBe(1);

    // What MLflow's client sends for models:/<old>/Production, models:/<old>@champion and models:/<old>/1.
    const client = as(scientist.bearer);
    const latest = await client.post('registered-models/get-latest-versions', { name, stages: ['Production'] });
    expect(latest.json.model_versions).toEqual([expect.objectContaining({ name: newName, version: '1' })]);
    expect((await client.get('model-versions/get-download-uri', { name, version: '1' })).json).toEqual({ artifact_uri: `s3://models/${name}/1` });
    expect((await client.get('model-versions/get', { name, version: '1' })).json.model_version.name).toBe(newName);
    await as(approver.bearer).post('registered-models/alias', { name: newName, alias: 'champion', version: '1' });
    expect((await client.get('registered-models/alias', { name, alias: 'champion' })).json.model_version.version).toBe('1');
  });

  it('follows the redirect for a token restricted to the model', async () => {
    const name = await servedModel();
    const model = await db.registeredModel.findUniqueOrThrow({ where: { name } });
    const scoped = await seedToken(scientist.actor, { name: 'scoped serving', role: 'viewer', model: name });
    await renameModel(approver.actor, { model: name, newName: `${name}-v2` });
    expect((await call(resolveRoute.GET, { url: 'http://localhost/api?stage=production', params: { name }, token: scoped })).status).toBe(200);
    const elsewhere = await servedModel();
    expect((await call(resolveRoute.GET, { url: 'http://localhost/api?stage=production', params: { name: elsewhere }, token: scoped })).status).toBe(403);
    expect(model.id).toBeTruthy();
  });

  it('reserves the old name until an approver removes the redirect (audited), then the name is free', async () => {
    const name = await servedModel();
    const newName = `${name}-next`;
    await renameModel(approver.actor, { model: name, newName });
    const creating = await call(modelsRoute.POST, { method: 'POST', token: scientist.token, body: { name } });
    expect(creating).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } });
    expect((await as(scientist.bearer).post('registered-models/create', { name })).json.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    const other = await servedModel();
    await expect(renameModel(approver.actor, { model: other, newName: name })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('redirects') });

    expect((await call(redirectsRoute.GET, { params: { name: newName }, token: scientist.token })).json).toEqual({ redirects: [{ oldName: name, createdAt: expect.any(String) }] });
    expect((await call(redirectRoute.DELETE, { method: 'DELETE', params: { name: newName, oldName: name }, token: scientist.token })).status).toBe(403);
    expect((await call(redirectRoute.DELETE, { method: 'DELETE', params: { name: newName, oldName: name }, token: approver.token })).json).toEqual({ removed: name });
    expect((await call(redirectRoute.DELETE, { method: 'DELETE', params: { name: newName, oldName: name }, token: approver.token })).status).toBe(404);
    expect(await db.auditEvent.count({ where: { action: 'model.redirect_removed', modelName: newName } })).toBe(1);
    expect((await call(resolveRoute.GET, { url: 'http://localhost/api?stage=production', params: { name }, token: scientist.token })).status).toBe(404);
    expect((await call(modelsRoute.POST, { method: 'POST', token: scientist.token, body: { name } })).status).toBe(201);
  });

  it('takes a former name back when renamed to it, and keeps every name of a chain resolving', async () => {
    const a = await servedModel();
    await renameModel(approver.actor, { model: a, newName: `${a}-b` });
    await renameModel(approver.actor, { model: `${a}-b`, newName: `${a}-c` });
    expect((await db.modelNameRedirect.findMany({ where: { model: { name: `${a}-c` } }, orderBy: { oldName: 'asc' } })).map((r) => r.oldName)).toEqual([a, `${a}-b`]);
    await renameModel(approver.actor, { model: `${a}-c`, newName: a });
    expect((await db.modelNameRedirect.findMany({ where: { model: { name: a } }, orderBy: { oldName: 'asc' } })).map((r) => r.oldName)).toEqual([`${a}-b`, `${a}-c`]);
  });

  it('the database keeps model names and redirects one namespace', async () => {
    const name = await servedModel();
    const model = await db.registeredModel.findUniqueOrThrow({ where: { name } });
    const other = await db.registeredModel.findUniqueOrThrow({ where: { name: await servedModel() } });
    await expect(db.modelNameRedirect.create({ data: { oldName: other.name, modelId: model.id } })).rejects.toThrow(/model_name_redirect_reserved/);
    await db.modelNameRedirect.create({ data: { oldName: `${name}-old`, modelId: model.id } });
    await expect(db.registeredModel.update({ where: { id: other.id }, data: { name: `${name}-old` } })).rejects.toThrow(/model_name_redirect_reserved/);
  });
});
