import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { as, mlflowUser, setProductionApprovals, type MlflowUser } from './mlflow-client';
import { seedUser, uniqueName } from '../fixtures';

let admin: Actor;
let scientist: MlflowUser, approver: MlflowUser, viewer: MlflowUser;

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  [scientist, approver, viewer] = await Promise.all([mlflowUser(admin, 'scientist'), mlflowUser(admin, 'approver'), mlflowUser(admin, 'viewer')]);
});

const ds = () => as(scientist.bearer);

async function modelWithVersions(count: number, name = uniqueName('mlf')) {
  await ds().post('registered-models/create', { name });
  // The digest satisfies the default Staging gate; nothing else of the default Production policy is met.
  const tags = [{ key: 'artifact_digest', value: `sha256:${'0'.repeat(64)}` }];
  for (let i = 0; i < count; i++) await ds().post('model-versions/create', { name, source: `s3://bucket/${name}/${i + 1}`, tags });
  return name;
}

describe('registered-models/create and get', () => {
  it('creates a model with tags and a description and answers the RegisteredModel message', async () => {
    const name = uniqueName('mlf');
    const created = await ds().post('registered-models/create', { name, description: 'fraud scorer', tags: [{ key: 'team', value: 'risk' }, { key: 'tier', value: '' }] });
    expect(created.status).toBe(200);
    expect(created.json.registered_model).toEqual({
      name,
      creation_timestamp: expect.any(Number),
      last_updated_timestamp: expect.any(Number),
      description: 'fraud scorer',
      tags: [{ key: 'team', value: 'risk' }, { key: 'tier', value: '' }],
    });
    const stored = await db.registeredModel.findUniqueOrThrow({ where: { name } });
    expect(stored.tags).toEqual(['team=risk', 'tier']);
    expect(await db.auditEvent.count({ where: { modelId: stored.id, action: { in: ['model.created', 'model.tag_set'] } } })).toBe(3);

    const got = await as(viewer.bearer).get('registered-models/get', { name });
    expect(got.status).toBe(200);
    expect(got.json.registered_model).toEqual(created.json.registered_model);
  });

  it('answers RESOURCE_ALREADY_EXISTS (400) for a taken name, as mlflow.register_model expects', async () => {
    const name = await modelWithVersions(0);
    const again = await ds().post('registered-models/create', { name });
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ error_code: 'RESOURCE_ALREADY_EXISTS', message: expect.stringContaining(name) });
  });

  it('answers RESOURCE_DOES_NOT_EXIST (404) for an unknown model and INVALID_PARAMETER_VALUE (400) for a missing name', async () => {
    const missing = await ds().get('registered-models/get', { name: 'no-such-model' });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Registered Model with name=no-such-model not found' });
    const noName = await ds().post('registered-models/create', {});
    expect(noName.status).toBe(400);
    expect(noName.json).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: "Missing value for required parameter 'name'. See the API docs for more information about request parameters." });
    const badTag = await ds().post('registered-models/create', { name: uniqueName('mlf'), tags: [{ key: 'a=b', value: 'x' }] });
    expect(badTag.json.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('refuses a viewer with PERMISSION_DENIED (403)', async () => {
    const denied = await as(viewer.bearer).post('registered-models/create', { name: uniqueName('mlf') });
    expect(denied.status).toBe(403);
    expect(denied.json.error_code).toBe('PERMISSION_DENIED');
  });
});

describe('registered-models/update, rename, set-tag, delete-tag', () => {
  it('updates the description, and clears it when none is sent (as MLflow does)', async () => {
    const name = await modelWithVersions(0);
    const updated = await ds().patch('registered-models/update', { name, description: 'v2 scorer' });
    expect(updated.json.registered_model.description).toBe('v2 scorer');
    const cleared = await ds().patch('registered-models/update', { name });
    expect(cleared.json.registered_model).not.toHaveProperty('description');
  });

  it('renames, keeps versions with the model, and refuses a taken name', async () => {
    const name = await modelWithVersions(1);
    const other = await modelWithVersions(0);
    const newName = uniqueName('renamed');
    const renamed = await ds().post('registered-models/rename', { name, new_name: newName });
    expect(renamed.status).toBe(200);
    expect(renamed.json.registered_model).toMatchObject({ name: newName, latest_versions: [{ name: newName, version: '1' }] });
    expect((await ds().get('registered-models/get', { name })).status).toBe(404);
    const clash = await ds().post('registered-models/rename', { name: newName, new_name: other });
    expect(clash.json.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'model.renamed', modelName: newName } });
    // Nothing of it was in Production: no redirect keeps the old name (MLflow's own behaviour).
    expect(event.data).toEqual({ from: name, to: newName, redirect: null, servingVersion: null });
  });

  it('sets, replaces and deletes tags; deleting an absent tag is fine', async () => {
    const name = await modelWithVersions(0);
    expect((await ds().post('registered-models/set-tag', { name, key: 'team', value: 'risk' })).json).toEqual({});
    await ds().post('registered-models/set-tag', { name, key: 'team', value: 'fraud ops' });
    expect((await ds().get('registered-models/get', { name })).json.registered_model.tags).toEqual([{ key: 'team', value: 'fraud ops' }]);
    expect((await ds().delete('registered-models/delete-tag', { name, key: 'team' })).json).toEqual({});
    expect((await ds().delete('registered-models/delete-tag', { name, key: 'team' })).status).toBe(200);
    expect((await ds().get('registered-models/get', { name })).json.registered_model).not.toHaveProperty('tags');
    expect((await ds().post('registered-models/set-tag', { name: 'no-such-model', key: 'a', value: 'b' })).json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await ds().post('registered-models/set-tag', { name, value: 'b' })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
  });
});

describe('registered-models/get-latest-versions', () => {
  it('answers the newest version per stage, by GET or POST, for the stages asked', async () => {
    const name = await modelWithVersions(3);
    expect((await ds().post('model-versions/transition-stage', { name, version: '1', stage: 'Staging', archive_existing_versions: false })).status).toBe(200);
    const all = await ds().post('registered-models/get-latest-versions', { name });
    expect(all.json.model_versions.map((v: { version: string; current_stage: string }) => [v.version, v.current_stage])).toEqual([['3', 'None'], ['1', 'Staging']]);
    const staging = await ds().get('registered-models/get-latest-versions', { name, stages: ['staging'] });
    expect(staging.json.model_versions).toHaveLength(1);
    const none = await ds().get('registered-models/get-latest-versions', { name, stages: ['Production'] });
    expect(none.json).toEqual({});
    expect((await ds().post('registered-models/get-latest-versions', { name, stages: ['Live'] })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    const model = await ds().get('registered-models/get', { name });
    expect(model.json.registered_model.latest_versions).toHaveLength(2);
  });
});

describe('registered-models/alias', () => {
  it('sets, resolves, moves and deletes an ordinary alias', async () => {
    const name = await modelWithVersions(2);
    expect((await ds().post('registered-models/alias', { name, alias: 'candidate', version: '1' })).json).toEqual({});
    const resolved = await ds().get('registered-models/alias', { name, alias: 'candidate' });
    expect(resolved.json.model_version).toMatchObject({ name, version: '1', aliases: ['candidate'] });
    await ds().post('registered-models/alias', { name, alias: 'candidate', version: '2' });
    expect((await ds().get('registered-models/get', { name })).json.registered_model.aliases).toEqual([{ alias: 'candidate', version: '2' }]);
    expect((await ds().delete('registered-models/alias', { name, alias: 'candidate' })).json).toEqual({});
    const gone = await ds().get('registered-models/alias', { name, alias: 'candidate' });
    expect(gone.status).toBe(400);
    expect(gone.json).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: 'Registered model alias candidate not found.' });
  });

  it('refuses reserved alias names and versions that do not exist', async () => {
    const name = await modelWithVersions(1);
    expect((await ds().post('registered-models/alias', { name, alias: 'latest', version: '1' })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await ds().post('registered-models/alias', { name, alias: 'v2', version: '1' })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await ds().post('registered-models/alias', { name, alias: 'a b', version: '1' })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await ds().post('registered-models/alias', { name, alias: 'x', version: '9' })).json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await ds().post('registered-models/alias', { name, alias: 'x', version: 'one' })).json).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: "Parameter 'version' must be an integer, got 'one'." });
  });

  // This test used to let an approver point champion at a Testing version once its gates passed: the
  // bug of issue 12 item 2. Champion (protected) now serves only Production or an approved canary.
  it('lets only an approver point champion, and only at the Production version or an approved canary', async () => {
    const name = await modelWithVersions(2);
    await setProductionApprovals(name, 0);
    const denied = await ds().post('registered-models/alias', { name, alias: 'champion', version: '1' });
    expect(denied.status).toBe(403);
    expect(denied.json.error_code).toBe('PERMISSION_DENIED');
    const testing = await as(approver.bearer).post('registered-models/alias', { name, alias: 'champion', version: '1' });
    expect(testing.json).toMatchObject({ error_code: 'INVALID_STATE', message: expect.stringContaining('Production version') });
    for (const stage of ['Staging', 'Production']) expect((await ds().post('model-versions/transition-stage', { name, version: '1', stage })).status).toBe(200);
    expect((await as(approver.bearer).post('registered-models/alias', { name, alias: 'Champion', version: '1' })).status).toBe(200);
    expect((await as(approver.bearer).post('registered-models/alias', { name, alias: 'champion', version: '2' })).json.error_code).toBe('INVALID_STATE');
    expect((await ds().delete('registered-models/alias', { name, alias: 'Champion' })).json.error_code).toBe('PERMISSION_DENIED');
    expect((await as(approver.bearer).delete('registered-models/alias', { name, alias: 'Champion' })).status).toBe(200);
  });
});

describe('registered-models/delete', () => {
  it('deletes a model with nothing governed in it; its audit history stays', async () => {
    const name = await modelWithVersions(2);
    const { id } = await db.registeredModel.findUniqueOrThrow({ where: { name } });
    expect((await ds().delete('registered-models/delete', { name })).json).toEqual({});
    expect(await db.registeredModel.count({ where: { name } })).toBe(0);
    expect(await db.auditEvent.count({ where: { modelId: id } })).toBeGreaterThanOrEqual(4);
    expect((await ds().delete('registered-models/delete', { name })).json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('refuses to delete a model with a version in Staging, with INVALID_STATE and the reason', async () => {
    const name = await modelWithVersions(1);
    expect((await ds().post('model-versions/transition-stage', { name, version: '1', stage: 'Staging' })).status).toBe(200);
    const refused = await ds().delete('registered-models/delete', { name });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ error_code: 'INVALID_STATE', message: expect.stringContaining('v1 is in Staging') });
    expect(await db.registeredModel.count({ where: { name } })).toBe(1);
  });
});
