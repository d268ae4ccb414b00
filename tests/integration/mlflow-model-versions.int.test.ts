import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { decideRequest } from '@/lib/services/decide-request';
import { as, mlflowUser, setProductionApprovals, type MlflowUser } from './mlflow-client';
import { seedUser, uniqueName } from '../fixtures';

let admin: Actor;
let scientist: MlflowUser, approver: MlflowUser, viewer: MlflowUser;

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  [scientist, approver, viewer] = await Promise.all([mlflowUser(admin, 'scientist'), mlflowUser(admin, 'approver'), mlflowUser(admin, 'viewer')]);
});

const ds = () => as(scientist.bearer);
const DIGEST = `sha256:${'a'.repeat(64)}`;

async function newModel() {
  const name = uniqueName('mlv');
  await ds().post('registered-models/create', { name });
  await setProductionApprovals(name, 1);
  return name;
}

describe('model-versions/create and get', () => {
  it('registers version 1, 2… in MLflow\'s None stage and fills the record from well-known tags', async () => {
    const name = await newModel();
    const created = await ds().post('model-versions/create', {
      name,
      source: `s3://bucket/${name}/model`,
      run_id: 'a1b2c3',
      run_link: 'http://mlflow.example/#/runs/a1b2c3',
      description: 'first cut',
      tags: [{ key: 'data_version', value: '2026-02' }, { key: 'artifact_digest', value: DIGEST }, { key: 'mlflow.source.git.commit', value: 'c0ffee' }],
    });
    expect(created.status).toBe(200);
    expect(created.json.model_version).toEqual({
      name,
      version: '1',
      creation_timestamp: expect.any(Number),
      last_updated_timestamp: expect.any(Number),
      user_id: scientist.email,
      current_stage: 'None',
      description: 'first cut',
      source: `s3://bucket/${name}/model`,
      run_id: 'a1b2c3',
      status: 'READY',
      tags: [
        { key: 'artifact_digest', value: DIGEST },
        { key: 'data_version', value: '2026-02' },
        { key: 'mlflow.source.git.commit', value: 'c0ffee' },
      ],
      run_link: 'http://mlflow.example/#/runs/a1b2c3',
    });
    const stored = await db.modelVersion.findFirstOrThrow({ where: { model: { name }, number: 1 } });
    expect(stored).toMatchObject({ stage: 'testing', dataVersion: '2026-02', artifactDigest: DIGEST, codeCommit: 'c0ffee', artifactUri: `s3://bucket/${name}/model` });

    const second = await ds().post('model-versions/create', { name, source: 's3://bucket/2' });
    expect(second.json.model_version).toMatchObject({ version: '2', run_id: '', run_link: '', description: '' });
    expect((await db.modelVersion.findFirstOrThrow({ where: { model: { name }, number: 2 } })).dataVersion).toBe('unknown');

    const got = await as(viewer.bearer).get('model-versions/get', { name, version: '1' });
    expect(got.json.model_version).toEqual(created.json.model_version);
    const uri = await as(viewer.bearer).get('model-versions/get-download-uri', { name, version: '1' });
    expect(uri.json).toEqual({ artifact_uri: `s3://bucket/${name}/model` });
  });

  it("accepts MLflow's longer tags: keys with spaces, long values", async () => {
    const name = await newModel();
    const long = 'x'.repeat(4000);
    const created = await ds().post('model-versions/create', { name, source: 's3://b/1', tags: [{ key: 'short', value: 'v' }, { key: 'model signature', value: long }] });
    expect(created.status).toBe(200);
    expect(created.json.model_version.tags).toEqual([{ key: 'model signature', value: long }, { key: 'short', value: 'v' }]);
    // MLflow 3's limit (2.x refused past 5,000).
    const tooLong = await ds().post('model-versions/create', { name, source: 's3://b/2', tags: [{ key: 'k', value: 'y'.repeat(100_001) }] });
    expect(tooLong.json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect(await db.modelVersion.count({ where: { model: { name } } })).toBe(1);
  });

  it('answers MLflow errors: unknown model or version, missing source, bad version, reserved tags, viewer', async () => {
    const name = await newModel();
    expect((await ds().post('model-versions/create', { name: 'no-such-model', source: 's3://x' })).json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await ds().post('model-versions/create', { name })).json).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: "Missing value for required parameter 'source'. See the API docs for more information about request parameters." });
    expect((await ds().post('model-versions/create', { name, source: 's3://x', tags: [{ key: 'mlflow.run_id', value: 'x' }] })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    const missing = await ds().get('model-versions/get', { name, version: '7' });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: `Model Version (name=${name}, version=7) not found` });
    expect((await ds().get('model-versions/get-download-uri', { name, version: 'x' })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await as(viewer.bearer).post('model-versions/create', { name, source: 's3://x' })).status).toBe(403);
  });
});

describe('model-versions/update, set-tag, delete-tag', () => {
  it('updates the description and sets, replaces and deletes tags, each audited', async () => {
    const name = await newModel();
    await ds().post('model-versions/create', { name, source: 's3://b/1' });
    const updated = await ds().patch('model-versions/update', { name, version: '1', description: 'calibrated' });
    expect(updated.json.model_version).toMatchObject({ version: '1', description: 'calibrated' });
    expect((await ds().post('model-versions/set-tag', { name, version: '1', key: 'validation', value: 'passed' })).json).toEqual({});
    await ds().post('model-versions/set-tag', { name, version: '1', key: 'validation', value: 'failed again' });
    expect((await ds().get('model-versions/get', { name, version: '1' })).json.model_version.tags).toEqual([{ key: 'validation', value: 'failed again' }]);
    expect((await ds().delete('model-versions/delete-tag', { name, version: '1', key: 'validation' })).json).toEqual({});
    expect((await ds().get('model-versions/get', { name, version: '1' })).json.model_version).not.toHaveProperty('tags');
    const actions = await db.auditEvent.findMany({ where: { modelName: name, versionNumber: 1 }, select: { action: true }, orderBy: { id: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual(['version.registered', 'version.updated', 'version.tag_set', 'version.tag_set', 'version.tag_deleted']);
  });

  it('keeps the tags governance writes out of reach', async () => {
    const name = await newModel();
    await ds().post('model-versions/create', { name, source: 's3://b/1', run_id: 'r1' });
    expect((await ds().post('model-versions/set-tag', { name, version: '1', key: 'failed', value: 'no' })).json.error_code).toBe('PERMISSION_DENIED');
    expect((await ds().delete('model-versions/delete-tag', { name, version: '1', key: 'mlflow.run_id' })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await ds().post('model-versions/set-tag', { name, version: '9', key: 'a', value: 'b' })).json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });
});

describe('model-versions/delete', () => {
  it('deletes a Testing or Archived version, with its aliases; the audit event stays', async () => {
    const name = await newModel();
    await ds().post('model-versions/create', { name, source: 's3://b/1' });
    await ds().post('model-versions/create', { name, source: 's3://b/2' });
    await ds().post('registered-models/alias', { name, alias: 'candidate', version: '2' });
    expect((await ds().delete('model-versions/delete', { name, version: '2' })).json).toEqual({});
    expect((await ds().get('model-versions/get', { name, version: '2' })).status).toBe(404);
    expect((await ds().get('registered-models/get', { name })).json.registered_model).not.toHaveProperty('aliases');
    expect(await db.auditEvent.count({ where: { modelName: name, action: 'version.deleted', versionNumber: 2 } })).toBe(1);
    await ds().post('model-versions/transition-stage', { name, version: '1', stage: 'Archived' });
    expect((await ds().delete('model-versions/delete', { name, version: '1' })).status).toBe(200);
  });

  it('refuses Staging, Production, past Production and approved versions with INVALID_STATE', async () => {
    const name = await newModel();
    for (let i = 1; i <= 3; i++) await ds().post('model-versions/create', { name, source: `s3://b/${i}` });
    await ds().post('model-versions/transition-stage', { name, version: '1', stage: 'Staging' });
    const staging = await ds().delete('model-versions/delete', { name, version: '1' });
    expect(staging).toMatchObject({ status: 400, json: { error_code: 'INVALID_STATE', message: expect.stringContaining('never deleted') } });

    // v1 to Production through an approved request, then replaced by v2.
    const denied = await ds().post('model-versions/transition-stage', { name, version: '1', stage: 'Production' });
    const requestId = /promotion request (\w+)/.exec(denied.json.message)![1]!;
    await decideRequest(approver.actor, { requestId, decision: 'approve' });
    expect((await ds().delete('model-versions/delete', { name, version: '1' })).json.message).toContain('v1 is in Production');
    await ds().post('model-versions/transition-stage', { name, version: '2', stage: 'Staging' });
    const second = await ds().post('model-versions/transition-stage', { name, version: '2', stage: 'Production' });
    await decideRequest(approver.actor, { requestId: /promotion request (\w+)/.exec(second.json.message)![1]!, decision: 'approve' });
    expect((await ds().get('model-versions/get', { name, version: '1' })).json.model_version.current_stage).toBe('Archived');
    const history = await ds().delete('model-versions/delete', { name, version: '1' });
    expect(history.json).toMatchObject({ error_code: 'INVALID_STATE', message: expect.stringContaining('was in Production') });

    // A rejected request leaves an append-only decision behind.
    await ds().post('model-versions/transition-stage', { name, version: '3', stage: 'Staging' });
    const third = await ds().post('model-versions/transition-stage', { name, version: '3', stage: 'Production' });
    await decideRequest(approver.actor, { requestId: /promotion request (\w+)/.exec(third.json.message)![1]!, decision: 'reject', comment: 'not yet' });
    await ds().post('model-versions/transition-stage', { name, version: '3', stage: 'Archived' });
    const decided = await ds().delete('model-versions/delete', { name, version: '3' });
    expect(decided.json).toMatchObject({ error_code: 'INVALID_STATE', message: expect.stringContaining('approval decisions') });
    const model = await ds().delete('registered-models/delete', { name });
    expect(model.json.error_code).toBe('INVALID_STATE');
  });
});
