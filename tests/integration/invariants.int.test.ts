// Each database invariant, attacked directly with SQL that goes around the application.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { moveVersion } from '@/lib/services/move-version';
import { makeActor, makeModel, register, uniqueName } from './fixtures';

let scientist: Actor;

beforeAll(async () => {
  scientist = await makeActor('scientist');
});

async function modelWithVersions(count: number) {
  const model = await makeModel(scientist);
  const versions = [];
  for (let i = 0; i < count; i++) versions.push(await register(scientist, model.name));
  return { model, versions };
}

describe('version numbers', () => {
  it('hands out 1…50 to 50 concurrent registrations of one model, without error', async () => {
    const model = await makeModel(scientist);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => register(scientist, model.name)));
    const failures = results.filter((r) => r.status === 'rejected');
    expect(failures).toEqual([]);
    const numbers = (await db.modelVersion.findMany({ where: { modelId: model.id }, select: { number: true } })).map((v) => v.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'version.registered' } })).toBe(50);
  });

  it('refuses a duplicate number for the same model', async () => {
    const { model, versions } = await modelWithVersions(1);
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO model_version (id, model_id, number, semver, major, minor, patch, data_version, artifact_uri) VALUES ('dup-${model.id}', $1, $2, '9.9.9', 9, 9, 9, 'd', 'u')`,
        model.id,
        versions[0]!.number,
      ),
    ).rejects.toThrow(/unique|duplicate/i);
  });
});

describe('one Production version per model', () => {
  it('refuses a second production row even when the stage trigger is bypassed', async () => {
    const { model, versions } = await modelWithVersions(2);
    await db.$transaction(async (tx) => {
      // Go around the transition trigger to reach the index itself.
      await tx.$executeRawUnsafe('ALTER TABLE model_version DISABLE TRIGGER model_version_stage_transition');
      await tx.$executeRawUnsafe(`UPDATE model_version SET stage = 'production' WHERE id = $1`, versions[0]!.id);
      await expect(tx.$executeRawUnsafe(`UPDATE model_version SET stage = 'production' WHERE id = $1`, versions[1]!.id)).rejects.toThrow(/one_production_per_model|unique/i);
    }).catch((error: unknown) => {
      // The failed statement aborts the transaction; that is expected here.
      if (!/aborted|one_production|unique/i.test(String(error))) throw error;
    });
    expect(await db.modelVersion.count({ where: { modelId: model.id, stage: 'production' } })).toBe(0);
  });
});

describe('stage transitions', () => {
  it('refuses testing → production written directly in SQL', async () => {
    const { versions } = await modelWithVersions(1);
    await expect(db.$executeRawUnsafe(`UPDATE model_version SET stage = 'production' WHERE id = $1`, versions[0]!.id)).rejects.toThrow(/stage transition testing -> production is not allowed/);
  });

  it('refuses inserting a version straight into production', async () => {
    const { model } = await modelWithVersions(0);
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO model_version (id, model_id, number, semver, major, minor, patch, data_version, artifact_uri, stage) VALUES ('p-${model.id}', $1, 7, '1.0.0', 1, 0, 0, 'd', 'u', 'production')`,
        model.id,
      ),
    ).rejects.toThrow(/must be registered in testing/);
  });

  it('refuses a malformed digest even from SQL', async () => {
    const { model } = await modelWithVersions(0);
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO model_version (id, model_id, number, semver, major, minor, patch, data_version, artifact_uri, artifact_digest) VALUES ('d-${model.id}', $1, 8, '1.0.0', 1, 0, 0, 'd', 'u', 'md5:abc')`,
        model.id,
      ),
    ).rejects.toThrow(/sha256/);
  });
});

describe('registered versions are immutable', () => {
  it('refuses changes to artifact, digest, hyperparameters, data and lineage fields', async () => {
    const { versions } = await modelWithVersions(1);
    const id = versions[0]!.id;
    for (const assignment of [
      `artifact_uri = 's3://elsewhere'`,
      `artifact_digest = 'sha256:${'a'.repeat(64)}'`,
      `hyperparameters = '{"eta": 1}'`,
      `data_version = 'other'`,
      `training_data_hash = 'x'`,
      `code_commit = 'deadbeef'`,
      `features = '[]'::jsonb || '[{"name":"x","type":"int"}]'::jsonb`,
    ]) {
      await expect(db.$executeRawUnsafe(`UPDATE model_version SET ${assignment} WHERE id = $1`, id), assignment).rejects.toThrow(/immutable/);
    }
  });

  it('still lets description and model card change', async () => {
    const { versions } = await modelWithVersions(1);
    const id = versions[0]!.id;
    await db.modelVersion.update({ where: { id }, data: { description: 'better words', modelCard: '## Intended use\nScoring.' } });
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id } })).description).toBe('better words');
  });

  it('refuses editing or deleting its metrics and lineage', async () => {
    const { model, versions } = await modelWithVersions(1);
    const child = await register(scientist, model.name, { parents: [{ model: model.name, version: versions[0]!.number }] });
    await expect(db.$executeRawUnsafe(`UPDATE metric SET value = 0.99 WHERE version_id = $1`, child.id)).rejects.toThrow(/immutable/);
    await expect(db.$executeRawUnsafe(`DELETE FROM metric WHERE version_id = $1`, child.id)).rejects.toThrow(/cannot be deleted/);
    await expect(db.$executeRawUnsafe(`DELETE FROM version_lineage WHERE child_id = $1`, child.id)).rejects.toThrow(/cannot be deleted/);
  });
});

describe('audit events', () => {
  it('are append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const { model } = await modelWithVersions(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { modelId: model.id } });
    await expect(db.$executeRawUnsafe(`UPDATE audit_event SET comment = 'edited' WHERE id = $1`, event.id)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM audit_event WHERE id = $1`, event.id)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('are written in the same transaction as the change: a failed change leaves neither', async () => {
    const model = await makeModel(scientist);
    await expect(register(scientist, model.name, { parents: [{ model: model.name, version: 99 }] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await db.modelVersion.count({ where: { modelId: model.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'version.registered' } })).toBe(0);
    // The number was not consumed either: the counter update rolled back with the rest.
    const next = await register(scientist, model.name);
    expect(next.number).toBe(1);
  });

  it('match stage changes one to one', async () => {
    const { model, versions } = await modelWithVersions(2);
    await moveVersion(scientist, 'promote', { model: model.name, number: versions[0]!.number });
    await moveVersion(scientist, 'archive', { model: model.name, number: versions[1]!.number, comment: 'not needed' });
    const events = await db.auditEvent.findMany({ where: { modelId: model.id, fromStage: { not: null } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, e.versionNumber, e.fromStage, e.toStage])).toEqual([
      ['version.promoted', 1, 'testing', 'staging'],
      ['version.archived', 2, 'testing', 'archived'],
    ]);
  });
});

describe('stage counts', () => {
  async function countsMatch(modelId: string) {
    const kept = await db.modelStageCount.findMany({ where: { modelId, versions: { gt: 0 } }, select: { stage: true, versions: true }, orderBy: { stage: 'asc' } });
    const real = await db.modelVersion.groupBy({ by: ['stage'], where: { modelId }, _count: { _all: true }, orderBy: { stage: 'asc' } });
    expect(kept).toEqual(real.map((r) => ({ stage: r.stage, versions: r._count._all })));
  }

  it('follow registrations, concurrent moves both ways and deletions exactly, without deadlocks', async () => {
    const { model, versions } = await modelWithVersions(12);
    await countsMatch(model.id);
    for (const v of versions.slice(0, 6)) await moveVersion(scientist, 'promote', { model: model.name, number: v.number });
    // Six promotions and six demotions at once lock the testing and staging counters in opposite orders.
    const moves = await Promise.allSettled([
      ...versions.slice(0, 6).map((v) => moveVersion(scientist, 'demote', { model: model.name, number: v.number, comment: 'back to testing' })),
      ...versions.slice(6).map((v) => moveVersion(scientist, 'promote', { model: model.name, number: v.number })),
      ...Array.from({ length: 6 }, () => register(scientist, model.name)),
    ]);
    expect(moves.filter((m) => m.status === 'rejected')).toEqual([]);
    await countsMatch(model.id);
    await moveVersion(scientist, 'archive', { model: model.name, number: versions[0]!.number, comment: 'old' });
    await db.modelVersion.deleteMany({ where: { id: versions[1]!.id } });
    await countsMatch(model.id);
    expect(await db.modelStageCount.findMany({ where: { modelId: model.id }, select: { stage: true, versions: true }, orderBy: { stage: 'asc' } })).toEqual([
      { stage: 'testing', versions: 10 },
      { stage: 'staging', versions: 6 },
      { stage: 'archived', versions: 1 },
    ]);
  });
});

describe('model names', () => {
  it('are unique', async () => {
    const name = uniqueName();
    await makeModel(scientist, name);
    await expect(makeModel(scientist, name)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
