// Each database invariant, attacked directly with SQL that goes around the application.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { moveVersion } from '@/lib/services/move-version';
import { swapProduction } from '@/lib/services/internal/production';
import { register, seedModel, seedUser, uniqueName } from '../fixtures';
import { asOwner } from './owner-sql';

let scientist: Actor;

beforeAll(async () => {
  scientist = await seedUser({ role: 'scientist' });
});

async function modelWithVersions(count: number) {
  const model = await seedModel({ owner: scientist });
  const versions = [];
  for (let i = 0; i < count; i++) versions.push(await register(scientist, model.name));
  return { model, versions };
}

describe('version numbers', () => {
  it('hands out 1…50 to 50 concurrent registrations of one model, without error', async () => {
    const model = await seedModel({ owner: scientist });
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
    // Go around the transition trigger to reach the index itself (only the owner can switch a trigger off).
    const update = (id: string): [string, unknown[]] => [`UPDATE model_version SET stage = 'production' WHERE id = $1`, [id]];
    await expect(asOwner('ALTER TABLE model_version DISABLE TRIGGER model_version_stage_transition', update(versions[0]!.id), update(versions[1]!.id))).rejects.toThrow(
      /one_production_per_model|unique/i,
    );
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

  it('still lets description and model card change; a changed card drops the outline stored at registration', async () => {
    const model = await seedModel({ owner: scientist });
    const { id } = await register(scientist, model.name, { modelCard: '## Intended use\nScoring.\n' });
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id } })).cardOutline).toEqual(expect.arrayContaining([{ name: 'intended use', filled: true }]));
    await db.modelVersion.update({ where: { id }, data: { description: 'better words', modelCard: '## Intended use\nScoring.' } });
    expect(await db.modelVersion.findUniqueOrThrow({ where: { id } })).toMatchObject({ description: 'better words', cardOutline: null });
  });

  it('refuses writing a card outline after registration (a forged one would pass the card gate)', async () => {
    const { versions } = await modelWithVersions(1);
    const forged = JSON.stringify(['Intended use', 'Limitations', 'Evaluation data', 'Ethical considerations'].map((name) => ({ name: name.toLowerCase(), filled: true })));
    await expect(db.$executeRawUnsafe(`UPDATE model_version SET card_outline = $2::jsonb WHERE id = $1`, versions[0]!.id, forged)).rejects.toThrow(/changes only with the card/);
    // A card edit writes the new card's outline in the same statement (the app parses it, as at registration);
    // a card change without one clears it, so the gates parse the card itself.
    await expect(db.$executeRawUnsafe(`UPDATE model_version SET model_card = 'another card' WHERE id = $1`, versions[0]!.id)).resolves.toBe(1);
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: versions[0]!.id } })).cardOutline).toBeNull();
  });

  it('refuses editing or deleting its metrics and lineage, even as the owner', async () => {
    const { model, versions } = await modelWithVersions(1);
    const child = await register(scientist, model.name, { parents: [{ model: model.name, version: versions[0]!.number }] });
    // The app's role has no UPDATE or DELETE on them at all; the owner meets the triggers.
    await expect(db.$executeRawUnsafe(`UPDATE metric SET value = 0.99 WHERE version_id = $1`, child.id)).rejects.toThrow(/permission denied/);
    await expect(asOwner([`UPDATE metric SET value = 0.99 WHERE version_id = $1`, [child.id]])).rejects.toThrow(/immutable/);
    await expect(asOwner([`DELETE FROM metric WHERE version_id = $1`, [child.id]])).rejects.toThrow(/cannot be deleted/);
    await expect(asOwner([`DELETE FROM version_lineage WHERE child_id = $1`, [child.id]])).rejects.toThrow(/cannot be deleted/);
  });
});

describe('audit events', () => {
  it('are append-only: UPDATE, DELETE and TRUNCATE are refused, to the owner too (by the triggers)', async () => {
    const { model } = await modelWithVersions(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { modelId: model.id } });
    await expect(asOwner([`UPDATE audit_event SET comment = 'edited' WHERE id = $1`, [event.id]])).rejects.toThrow(/append-only/);
    await expect(asOwner([`DELETE FROM audit_event WHERE id = $1`, [event.id]])).rejects.toThrow(/append-only/);
    await expect(asOwner(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('are written in the same transaction as the change: a failed change leaves neither', async () => {
    const model = await seedModel({ owner: scientist });
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
    await seedModel({ owner: scientist, name: name });
    await expect(seedModel({ owner: scientist, name: name })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('a registered version cannot gain metrics or parents later', () => {
  const insertMetric = (versionId: string) =>
    `INSERT INTO metric (id, version_id, key, value, evaluation_set, slice) VALUES (gen_random_uuid()::text, '${versionId}', 'late_' || md5(random()::text), 0.999, 'holdout', '')`;
  const insertParent = (childId: string, parentId: string) => `INSERT INTO version_lineage (child_id, parent_id) VALUES ('${childId}', '${parentId}')`;

  it('refuses INSERT into metric and version_lineage for a version registered earlier, so the page never shows them', async () => {
    const { model, versions } = await modelWithVersions(2);
    const parent = versions[0]!;
    const version = versions[1]!;
    await expect(db.$executeRawUnsafe(insertMetric(version.id))).rejects.toThrow(/only by the transaction that registers/);
    await expect(db.$executeRawUnsafe(insertParent(version.id, parent.id))).rejects.toThrow(/only by the transaction that registers/);
    const record = await db.modelVersion.findFirstOrThrow({ where: { modelId: model.id, number: version.number }, select: { metrics: true, parents: true } });
    expect(record.metrics.map((m) => m.value)).not.toContain(0.999);
    expect(record.parents).toEqual([]);
  });

  it('refuses them in a transaction that has just changed the version, and refuses rewriting its transaction id', async () => {
    const { versions } = await modelWithVersions(1);
    const id = versions[0]!.id;
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`UPDATE model_version SET description = 'touched' WHERE id = $1`, id);
        await tx.$executeRawUnsafe(insertMetric(id));
      }),
    ).rejects.toThrow(/only by the transaction that registers/);
    await expect(db.$executeRawUnsafe(`UPDATE model_version SET created_xid = pg_current_xact_id() WHERE id = $1`, id)).rejects.toThrow(/immutable/);
  });

  it('stamps the registering transaction whatever an INSERT says, so no later transaction can be named in advance', async () => {
    const model = await seedModel({ owner: scientist });
    const id = `forged-${model.id}`;
    const later = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO model_version (id, model_id, number, semver, major, minor, patch, data_version, artifact_uri, created_xid)
         VALUES ($1, $2, 1, '1.0.0', 1, 0, 0, 'd', 'u', (pg_current_xact_id()::text::bigint + 1)::text::xid8)`,
        id,
        model.id,
      );
      // The registering transaction itself may write the children.
      await tx.$executeRawUnsafe(insertMetric(id));
      return (await tx.$queryRawUnsafe<{ next: string }[]>(`SELECT (pg_current_xact_id()::text::bigint + 1)::text AS next`))[0]!.next;
    });
    const stamped = await db.$queryRawUnsafe<{ xid: string }[]>(`SELECT created_xid::text AS xid FROM model_version WHERE id = $1`, id);
    expect(stamped[0]!.xid).not.toBe(later);
    await expect(db.$executeRawUnsafe(insertMetric(id))).rejects.toThrow(/only by the transaction that registers/);
  });

  it('still lets registration write metrics and lineage in one go', async () => {
    const { model, versions } = await modelWithVersions(1);
    const child = await register(scientist, model.name, { parents: [{ model: model.name, version: versions[0]!.number }], metrics: [{ key: 'auc', value: 0.9 }, { key: 'f1', value: 0.8 }] });
    const record = await db.modelVersion.findUniqueOrThrow({ where: { id: child.id }, select: { metrics: true, parents: true } });
    expect([record.metrics.length, record.parents.length]).toEqual([2, 1]);
  });
});

describe('Production history', () => {
  async function servedProduction() {
    const { model, versions } = await modelWithVersions(2);
    for (const v of versions) await moveVersion(scientist, 'promote', { model: model.name, number: v.number });
    // Straight to Production, as the deploy path does; then replaced, so v1 is archived and its period closed.
    for (const v of versions) await db.$transaction((tx) => swapProduction(tx, { modelId: model.id, versionId: v.id, fromStage: 'staging', startedBy: 'test', endedReason: 'replaced' }));
    return { model, first: versions[0]!, current: versions[1]! };
  }

  it('refuses deleting a version that served Production, its model, or its production_period rows', async () => {
    const { model, first, current } = await servedProduction();
    await expect(db.$executeRawUnsafe(`DELETE FROM model_version WHERE id = $1`, first.id)).rejects.toThrow(/served Production/);
    await expect(db.$executeRawUnsafe(`DELETE FROM model_version WHERE id = $1`, current.id)).rejects.toThrow(/never deleted/);
    // The app's role may not delete or truncate them at all; the owner meets the trigger.
    await expect(db.$executeRawUnsafe(`DELETE FROM production_period WHERE version_id = $1`, first.id)).rejects.toThrow(/permission denied/);
    await expect(asOwner([`DELETE FROM production_period WHERE version_id = $1`, [first.id]])).rejects.toThrow(/Production history is kept/);
    await expect(asOwner(`TRUNCATE production_period`)).rejects.toThrow(/Production history is kept/);
    await expect(db.$executeRawUnsafe(`DELETE FROM registered_model WHERE id = $1`, model.id)).rejects.toThrow(/never deleted|Production history is kept|served Production/);
    expect(await db.productionPeriod.count({ where: { modelId: model.id } })).toBe(2);
  });

  it('refuses rewriting a period; only closing an open one is allowed', async () => {
    const { model, first, current } = await servedProduction();
    const closed = await db.productionPeriod.findFirstOrThrow({ where: { versionId: first.id } });
    for (const assignment of [`started_at = now() - interval '1 year'`, `ended_at = now()`, `ended_reason = 'edited'`, `version_id = '${current.id}'`]) {
      await expect(db.$executeRawUnsafe(`UPDATE production_period SET ${assignment} WHERE id = $1`, closed.id), assignment).rejects.toThrow(/Production history is kept/);
    }
    const open = await db.productionPeriod.findFirstOrThrow({ where: { modelId: model.id, endedAt: null } });
    await expect(db.$executeRawUnsafe(`UPDATE production_period SET started_by = 'someone else' WHERE id = $1`, open.id)).rejects.toThrow(/Production history is kept/);
    await db.$executeRawUnsafe(`UPDATE production_period SET ended_at = now(), ended_reason = 'rolled back' WHERE id = $1`, open.id);
  });

  it('still lets a version that never served Production be deleted', async () => {
    const { versions } = await modelWithVersions(1);
    expect(await db.$executeRawUnsafe(`DELETE FROM model_version WHERE id = $1`, versions[0]!.id)).toBe(1);
  });
});
