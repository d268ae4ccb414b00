// Issue 12 item 14 (this branch's parts): pending requests that outlive their version's stay in Staging,
// protected tags at registration, a lost update on model tags, and semantic versions that go backwards.
import { beforeAll, describe, expect, it } from 'vitest';
import * as versionsRoute from '@/app/api/v1/models/[name]/versions/route';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { decideRequest } from '@/lib/services/decide-request';
import { deleteModelTag } from '@/lib/services/delete-model-tag';
import { moveVersion } from '@/lib/services/move-version';
import { requestProduction } from '@/lib/services/request-production';
import { setModelTag } from '@/lib/services/set-model-tag';
import { call } from './api-client';
import { as, mlflowUser } from './mlflow-client';
import { register, seedModel, seedToken, seedUser, seedVersion, versionInput } from '../fixtures';

let scientist: Actor, approver: Actor, approver2: Actor, admin: Actor;

beforeAll(async () => {
  [scientist, approver, approver2, admin] = await Promise.all([seedUser({ role: 'scientist' }), seedUser({ role: 'approver' }), seedUser({ role: 'approver' }), seedUser({ role: 'admin' })]);
});

describe('pending requests end when their version leaves Staging', () => {
  it.each(['archive', 'demote'] as const)('%s cancels the request in the same transaction; old approvals never count after a restore', async (move) => {
    const model = await seedModel({ owner: scientist, policy: { staging: [], production: [{ kind: 'approvals', count: 2 }] } });
    await seedVersion(model, { stage: 'staging', by: scientist });
    const { request } = await requestProduction(scientist, { model: model.name, number: 1, comment: 'first release' });
    await decideRequest(approver, { requestId: request.id, decision: 'approve' });
    await moveVersion(scientist, move, { model: model.name, number: 1, comment: 'not ready after all' });
    expect(await db.promotionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: 'cancelled' });
    const cancelled = await db.auditEvent.findFirstOrThrow({ where: { modelId: model.id, action: 'promotion.cancelled' } });
    expect(cancelled).toMatchObject({ actorLabel: scientist.label, comment: expect.stringContaining('moved from Staging') });

    if (move === 'archive') await moveVersion(scientist, 'restore', { model: model.name, number: 1, comment: 'try again' });
    await moveVersion(scientist, 'promote', { model: model.name, number: 1 });
    // The second approval of the old request would have completed it: refused, and nothing deployed.
    await expect(decideRequest(approver2, { requestId: request.id, decision: 'approve' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('cancelled') });
    expect(await db.modelVersion.count({ where: { modelId: model.id, stage: 'production' } })).toBe(0);
    const fresh = await requestProduction(scientist, { model: model.name, number: 1, comment: 'second try' });
    expect(fresh.request.status).toBe('pending');
  });
});

describe('registration refuses protected tags', () => {
  it('refuses failed and mlflow.* over REST v1 (also what the browser calls) with 400', async () => {
    const model = await seedModel({ owner: scientist });
    const token = await seedToken(scientist, { name: 'pipeline', role: 'scientist' });
    const post = (tags: Record<string, string>) => call(versionsRoute.POST, { method: 'POST', params: { name: model.name }, token, body: { ...versionInput(model.name), model: undefined, tags } });
    expect(await post({ failed: 'pre-emptively' })).toMatchObject({ status: 400, json: { error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('rollbacks only') } } });
    expect(await post({ 'mlflow.source.git.commit': 'c0ffee' })).toMatchObject({ status: 400, json: { error: { message: expect.stringContaining('MLflow') } } });
    expect(await post({ 'mlflow.run_id': 'forged' })).toMatchObject({ status: 400 });
    expect(await db.modelVersion.count({ where: { modelId: model.id } })).toBe(0);
    expect(await post({ team: 'risk' })).toMatchObject({ status: 201 });
  });

  it("keeps MLflow's own mlflow.* tags working through the MLflow API, and refuses failed there too", async () => {
    const user = await mlflowUser(admin, 'scientist');
    const name = (await seedModel({ owner: user.actor })).name;
    const created = await as(user.bearer).post('model-versions/create', { name, source: 's3://m/1', run_id: 'r1', tags: [{ key: 'mlflow.source.git.commit', value: 'c0ffee1' }] });
    expect(created.status).toBe(200);
    expect(created.json.model_version).toMatchObject({ run_id: 'r1', tags: [{ key: 'mlflow.source.git.commit', value: 'c0ffee1' }] });
    const failed = await as(user.bearer).post('model-versions/create', { name, source: 's3://m/2', tags: [{ key: 'failed', value: 'x' }] });
    expect(failed).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
  });
});

describe('model tags under concurrency', () => {
  it('loses no tag when 20 changes to one model race (each is one statement on the row)', async () => {
    const model = await seedModel({ owner: scientist });
    await setModelTag(scientist, { model: model.name, key: 'keep', value: 'me' });
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => setModelTag(scientist, { model: model.name, key: `k${i}`, value: String(i) })),
      deleteModelTag(scientist, { model: model.name, key: 'keep' }),
    ]);
    const { tags } = await db.registeredModel.findUniqueOrThrow({ where: { id: model.id } });
    expect([...tags].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `k${i}=${i}`).sort());
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'model.tag_set' } })).toBe(21);
    // Replacing keeps one tag per key; deleting an absent key records nothing.
    await setModelTag(scientist, { model: model.name, key: 'k1', value: 'one' });
    expect(await deleteModelTag(scientist, { model: model.name, key: 'absent' })).toEqual({ deleted: false });
    const after = (await db.registeredModel.findUniqueOrThrow({ where: { id: model.id } })).tags;
    expect(after.filter((t) => t.startsWith('k1='))).toEqual(['k1=one']);
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'model.tag_deleted' } })).toBe(1);
  });
});

describe('an explicit semantic version moves forward', () => {
  it('refuses 0.0.1 after 3.0.5, allows a patch on an existing older line only', async () => {
    const model = await seedModel({ owner: scientist });
    for (const semver of ['2.4.3', '3.0.5']) await register(scientist, model.name, { semver });
    await expect(register(scientist, model.name, { semver: '0.0.1' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('below the latest version 3.0.5') });
    await expect(register(scientist, model.name, { semver: '2.5.0' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('no 2.5.x version') });
    await expect(register(scientist, model.name, { semver: '2.4.2' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('above 2.4.3') });
    await expect(register(scientist, model.name, { semver: '3.0.5' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await register(scientist, model.name, { semver: '2.4.4' })).number).toBe(3);
    expect((await register(scientist, model.name, { semver: '3.1.0' })).number).toBe(4);
    expect((await register(scientist, model.name)).semver).toBe('3.1.1');
  });
});
