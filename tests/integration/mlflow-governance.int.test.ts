import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { decideRequest } from '@/lib/services/decide-request';
import { as, mlflowUser, setProductionApprovals, type MlflowUser } from './mlflow-client';
import { seedUser, uniqueName } from '../fixtures';

let admin: Actor;
let scientist: MlflowUser, approver: MlflowUser, approver2: MlflowUser, viewer: MlflowUser;

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  [scientist, approver, approver2, viewer] = await Promise.all([
    mlflowUser(admin, 'scientist'),
    mlflowUser(admin, 'approver'),
    mlflowUser(admin, 'approver'),
    mlflowUser(admin, 'viewer'),
  ]);
});

const ds = () => as(scientist.bearer);
const DIGEST = [{ key: 'artifact_digest', value: `sha256:${'b'.repeat(64)}` }];

async function modelWith(count: number, approvals = 1) {
  const name = uniqueName('gov');
  await ds().post('registered-models/create', { name });
  await setProductionApprovals(name, approvals);
  for (let i = 1; i <= count; i++) await ds().post('model-versions/create', { name, source: `s3://b/${name}/${i}`, tags: DIGEST });
  return name;
}

const move = (user: MlflowUser, name: string, version: string, stage: string, archive_existing_versions = false) =>
  as(user.bearer).post('model-versions/transition-stage', { name, version, stage, archive_existing_versions });
const stageOf = async (name: string, version: string) => (await ds().get('model-versions/get', { name, version })).json.model_version.current_stage;

describe('transition-stage outside Production', () => {
  it('promotes, demotes, archives and restores as MLflow clients expect, each audited', async () => {
    const name = await modelWith(1);
    const staged = await move(scientist, name, '1', 'staging');
    expect(staged.status).toBe(200);
    expect(staged.json.model_version).toMatchObject({ name, version: '1', current_stage: 'Staging' });
    expect((await move(scientist, name, '1', 'Staging')).json.model_version.current_stage).toBe('Staging'); // already there
    expect((await move(scientist, name, '1', 'None')).json.model_version.current_stage).toBe('None');
    expect((await move(scientist, name, '1', 'Archived')).json.model_version.current_stage).toBe('Archived');
    expect((await move(scientist, name, '1', 'None')).json.model_version.current_stage).toBe('None');
    const events = await db.auditEvent.findMany({ where: { modelName: name, versionNumber: 1 }, orderBy: { id: 'asc' }, select: { action: true, comment: true } });
    expect(events.map((e) => e.action)).toEqual(['version.registered', 'version.promoted', 'version.demoted', 'version.archived', 'version.restored']);
    expect(events[2]?.comment).toBe('transition-stage to None through the MLflow API');
  });

  it('reaches Staging under the default policy from an unmodified client (no digest tag), the advisory gap recorded', async () => {
    const name = uniqueName('gov');
    await ds().post('registered-models/create', { name });
    await ds().post('model-versions/create', { name, source: 's3://no-digest' });
    const staged = await move(scientist, name, '1', 'Staging');
    expect(staged).toMatchObject({ status: 200, json: { model_version: { current_stage: 'Staging' } } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { modelName: name, action: 'version.promoted' } });
    expect((event.data as { gates: unknown[] }).gates).toEqual([expect.objectContaining({ passed: false, advisory: true })]);
  });

  it('still applies blocking Staging gates', async () => {
    const name = uniqueName('gov');
    await ds().post('registered-models/create', { name });
    const { id } = await db.registeredModel.findUniqueOrThrow({ where: { name } });
    await db.modelPolicy.create({ data: { modelId: id, gates: { staging: [{ kind: 'required-metadata', fields: ['artifactDigest'] }], production: [] } } });
    await ds().post('model-versions/create', { name, source: 's3://no-digest' });
    const refused = await move(scientist, name, '1', 'Staging');
    expect(refused).toMatchObject({ status: 400, json: { error_code: 'INVALID_STATE', message: '1 gate(s) for Staging failed: Missing: artifact digest.' } });
  });

  it('archives the other Staging versions when archive_existing_versions is set', async () => {
    const name = await modelWith(3);
    await move(scientist, name, '1', 'Staging');
    await move(scientist, name, '2', 'Staging');
    expect((await move(scientist, name, '3', 'Staging', true)).status).toBe(200);
    expect([await stageOf(name, '1'), await stageOf(name, '2'), await stageOf(name, '3')]).toEqual(['Archived', 'Archived', 'Staging']);
    const none = await move(scientist, name, '3', 'None', true);
    expect(none.json).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: "Model version transition cannot archive existing model versions because 'None' is not an Active stage. Valid stages are ['Staging', 'Production']",
    });
  });

  it('refuses moves the transition table does not allow, saying why', async () => {
    const name = await modelWith(2, 0);
    const skip = await move(scientist, name, '1', 'Production');
    expect(skip).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining('Promote it to Staging first') } });
    await move(scientist, name, '1', 'Staging');
    expect((await move(scientist, name, '1', 'Production')).json.model_version.current_stage).toBe('Production');
    const leave = await move(scientist, name, '1', 'Archived');
    expect(leave.json).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining('Production is left only when another version replaces it') });
    await move(scientist, name, '2', 'Archived');
    expect((await move(scientist, name, '2', 'Production')).json.message).toContain('rollback');
    expect((await move(scientist, name, '2', 'Live')).json).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining('Invalid Model Version stage: Live') });
    expect((await move(scientist, name, '9', 'Staging')).json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await move(viewer, name, '2', 'None')).json.error_code).toBe('PERMISSION_DENIED');
  });
});

describe('transition-stage to Production', () => {
  it('does not bypass approvals: it opens a promotion request and answers PERMISSION_DENIED naming it', async () => {
    const name = await modelWith(1);
    await move(scientist, name, '1', 'Staging');
    const denied = await move(scientist, name, '1', 'Production');
    expect(denied.status).toBe(403);
    expect(denied.json.error_code).toBe('PERMISSION_DENIED');
    const request = await db.promotionRequest.findFirstOrThrow({ where: { model: { name }, status: 'pending' } });
    expect(denied.json.message).toBe(
      `Promotion of ${name} v1 to Production needs 1 approval(s) under the model's policy, and nobody approves their own request. Created promotion request ${request.id}; an approver can decide it at ${new URL('/approvals', process.env.NEXTAUTH_URL ?? 'http://modelgate.test')}.`,
    );
    expect(await stageOf(name, '1')).toBe('Staging');

    const again = await move(scientist, name, '1', 'Production');
    expect(again.json).toMatchObject({ error_code: 'PERMISSION_DENIED', message: expect.stringContaining(`already waiting for approval: promotion request ${request.id}`) });
    expect(await db.promotionRequest.count({ where: { model: { name } } })).toBe(1);

    await decideRequest(approver.actor, { requestId: request.id, decision: 'approve' });
    expect(await stageOf(name, '1')).toBe('Production');
  });

  it('holds for an approver too: nobody approves their own request', async () => {
    const name = await modelWith(1);
    await move(approver, name, '1', 'Staging');
    const denied = await move(approver, name, '1', 'Production');
    expect(denied.json.error_code).toBe('PERMISSION_DENIED');
    const request = await db.promotionRequest.findFirstOrThrow({ where: { model: { name } } });
    await expect(decideRequest(approver.actor, { requestId: request.id, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await decideRequest(approver2.actor, { requestId: request.id, decision: 'approve' });
    expect(await stageOf(name, '1')).toBe('Production');
  });

  it('deploys at once when the policy needs no approvals, archiving the previous Production version', async () => {
    const name = await modelWith(2, 0);
    await move(scientist, name, '1', 'Staging');
    const first = await move(scientist, name, '1', 'Production', true);
    expect(first.json.model_version).toMatchObject({ version: '1', current_stage: 'Production' });
    await move(scientist, name, '2', 'Staging');
    expect((await move(scientist, name, '2', 'Production')).json.model_version.current_stage).toBe('Production');
    expect(await stageOf(name, '1')).toBe('Archived');
    const latest = await ds().get('registered-models/get-latest-versions', { name, stages: ['Production', 'Archived'] });
    expect(latest.json.model_versions.map((v: { version: string }) => v.version)).toEqual(['2', '1']);
    expect(await db.auditEvent.count({ where: { modelName: name, action: 'version.deployed' } })).toBe(2);
  });

  it('still applies the Production gates', async () => {
    const name = uniqueName('gov');
    await ds().post('registered-models/create', { name });
    await ds().post('model-versions/create', { name, source: 's3://b/1', tags: DIGEST });
    await move(scientist, name, '1', 'Staging');
    const refused = await move(scientist, name, '1', 'Production');
    expect(refused.json).toMatchObject({ error_code: 'INVALID_STATE', message: expect.stringContaining('gate(s) for Production failed') });
    expect(await db.promotionRequest.count({ where: { model: { name } } })).toBe(0);
  });
});
