// MLflow's client edits a registered version's documentation through the same governed, audited path as
// REST v1 (issue 16 item 1): a model_card tag set after registration gives an MLflow version a card that the
// default Production card gate reads; update-model-version's description is audited with before and after.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { DEFAULT_CARD_SECTIONS } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { evaluateVersionGates } from '@/lib/services/internal/gate-context';
import { as, mlflowUser, type MlflowUser } from './mlflow-client';
import { seedUser, uniqueName } from '../fixtures';

let admin: Actor;
let scientist: MlflowUser, viewer: MlflowUser;
const CARD = DEFAULT_CARD_SECTIONS.map((s) => `## ${s}\nWritten.\n`).join('\n');

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  [scientist, viewer] = await Promise.all([mlflowUser(admin, 'scientist'), mlflowUser(admin, 'viewer')]);
});

async function mlflowVersion(tags: { key: string; value: string }[] = []) {
  const name = uniqueName('mlrd');
  await as(scientist.bearer).post('registered-models/create', { name });
  const created = await as(scientist.bearer).post('model-versions/create', { name, source: `s3://b/${name}`, tags });
  expect(created.status).toBe(200);
  return name;
}

describe('MLflow edits of a registered version', () => {
  it('gives an MLflow version a card with set-tag model_card: the card gate passes, and the edit is audited', async () => {
    const name = await mlflowVersion();
    const version = await db.modelVersion.findFirstOrThrow({ where: { model: { name }, number: 1 }, select: { id: true, modelId: true } });
    const cardGate = async () => (await db.$transaction((tx) => evaluateVersionGates(tx, { modelId: version.modelId, versionId: version.id, target: 'production' }))).results.find((r) => r.kind === 'model-card-complete')!;
    expect((await cardGate()).passed).toBe(false);

    expect((await as(scientist.bearer).post('model-versions/set-tag', { name, version: '1', key: 'model_card', value: CARD })).status).toBe(200);
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: version.id } })).modelCard).toBe(CARD);
    expect((await cardGate()).passed).toBe(true);
    const edit = await db.auditEvent.findFirstOrThrow({ where: { versionId: version.id, action: 'version.updated' } });
    expect(edit.data).toMatchObject({ changes: [{ field: 'modelCard', before: '', after: CARD }] });
    expect(await db.modelCardRevision.count({ where: { versionId: version.id } })).toBe(2);
    // A viewer may not: the same permission table.
    expect((await as(viewer.bearer).post('model-versions/set-tag', { name, version: '1', key: 'model_card', value: 'x' })).status).toBe(403);
  });

  it('audits update-model-version description with before and after', async () => {
    const name = await mlflowVersion();
    expect((await as(scientist.bearer).patch('model-versions/update', { name, version: '1', description: 'better words' })).status).toBe(200);
    const edit = await db.auditEvent.findFirstOrThrow({ where: { modelName: name, action: 'version.updated' } });
    expect(edit.data).toMatchObject({ changes: [{ field: 'description', before: '', after: 'better words' }] });
  });

  it('reads model_size_bytes and environment at create, and refuses changing them afterwards', async () => {
    const name = await mlflowVersion([
      { key: 'model_size_bytes', value: '1048576' },
      { key: 'environment', value: 'python=3.11; cuda=12.1' },
    ]);
    expect(await db.modelVersion.findFirstOrThrow({ where: { model: { name }, number: 1 } })).toMatchObject({ modelSizeBytes: 1_048_576, environment: { python: '3.11', cuda: '12.1' } });
    const late = await as(scientist.bearer).post('model-versions/set-tag', { name, version: '1', key: 'model_size_bytes', value: '1' });
    expect(late.status).toBe(400);
    expect(late.json).toMatchObject({ error_code: 'INVALID_STATE' });
    expect((await db.modelVersion.findFirstOrThrow({ where: { model: { name }, number: 1 } })).modelSizeBytes).toBe(1_048_576);
  });
});
