// Registration does as much as it can per statement (one SELECT reads what it must know, one statement
// takes the model's lock and number and writes the version, its children and its audit event; under
// contention, the same under the lock) and answers from what it wrote. These pin down what those shortcuts
// must keep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as versionsRoute from '@/app/api/v1/models/[name]/versions/route';
import * as versionRoute from '@/app/api/v1/models/[name]/versions/[number]/route';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { createWebhook } from '@/lib/services/create-webhook';
import { deleteWebhook } from '@/lib/services/delete-webhook';
import { moveVersion } from '@/lib/services/move-version';
import { registerVersion } from '@/lib/services/register-version';
import { setAlias } from '@/lib/services/set-alias';
import { call } from './api-client';
import { as, mlflowUser } from './mlflow-client';
import { register, seedModel, seedToken, seedUser, versionInput } from '../fixtures';

let admin: Actor, scientist: Actor, token: string;
const hooks: string[] = [];
const digest = (c: string) => `sha256:${c.repeat(64)}`;

beforeAll(async () => {
  [admin, scientist] = await Promise.all([seedUser({ role: 'admin' }), seedUser({ role: 'scientist' })]);
  token = await seedToken(scientist);
});

afterAll(async () => {
  // Leave no pending deliveries to an address nobody listens on for the webhook tests' dispatcher runs.
  for (const id of hooks) await deleteWebhook(admin, { id });
});

const modelRow = (id: string) => db.registeredModel.findUniqueOrThrow({ where: { id }, select: { nextVersionNumber: true, lastActivityAt: true } });

describe('a registration that finds its version already there', () => {
  it('rolls everything back: no number used, no event, no activity stamp', async () => {
    const model = await seedModel({ owner: scientist });
    const input = versionInput(model.name, { artifactDigest: digest('1') });
    const first = await registerVersion(scientist, input, { idempotencyKey: 'step-1', dedupeByDigest: true });
    const before = await modelRow(model.id);
    const events = await db.auditEvent.count({ where: { modelId: model.id } });

    const byKey = await registerVersion(scientist, input, { idempotencyKey: 'step-1', dedupeByDigest: true });
    const byDigest = await registerVersion(scientist, versionInput(model.name, { artifactDigest: digest('1') }), { dedupeByDigest: true });
    expect([byKey.created, byKey.id, byDigest.created, byDigest.id]).toEqual([false, first.id, false, first.id]);
    await expect(registerVersion(scientist, versionInput(model.name), { idempotencyKey: 'step-1' })).rejects.toMatchObject({ code: 'CONFLICT' });

    expect(await modelRow(model.id)).toEqual(before);
    expect(await db.auditEvent.count({ where: { modelId: model.id } })).toBe(events);
    expect((await register(scientist, model.name)).number).toBe(first.number + 1);
  });

  it('returns the existing record as it is now, aliases included', async () => {
    const model = await seedModel({ owner: scientist });
    const first = await registerVersion(scientist, versionInput(model.name, { artifactDigest: digest('2'), tags: { team: 'risk' } }), { dedupeByDigest: true });
    await setAlias(scientist, { model: model.name, alias: 'candidate', number: first.number });
    const again = await registerVersion(scientist, versionInput(model.name, { artifactDigest: digest('2') }), { dedupeByDigest: true });
    expect(again).toMatchObject({ created: false, number: first.number, aliases: [{ alias: 'candidate' }], tags: [{ key: 'team', value: 'risk' }] });
  });
});

describe('semantic versions', () => {
  it('refuses an explicit semver that exists, naming its number, and consumes no number', async () => {
    const model = await seedModel({ owner: scientist });
    await register(scientist, model.name, { semver: '2.0.0' });
    await expect(register(scientist, model.name, { semver: '2.0.0' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('(number 1)') });
    expect((await register(scientist, model.name, { semver: '2.0.1' })).number).toBe(2);
  });

  it('bumps automatically above the highest semver, whatever order they came in', async () => {
    const model = await seedModel({ owner: scientist });
    await register(scientist, model.name, { semver: '1.0.0' });
    await register(scientist, model.name, { semver: '3.1.4' });
    // A hotfix on the 1.0 line arrives last: the next automatic version still follows 3.1.4.
    await register(scientist, model.name, { semver: '1.0.1' });
    expect((await register(scientist, model.name)).semver).toBe('3.1.5');
    expect((await register(scientist, model.name, { dataVersion: 'next' })).semver).toBe('3.2.0');
  });

  it('sees every earlier registration when many queue on the model lock at once', async () => {
    const model = await seedModel({ owner: scientist });
    const all = await Promise.all(Array.from({ length: 12 }, (_, i) => register(scientist, model.name, { dataVersion: i % 3 === 0 ? `d${i}` : 'same' })));
    expect(new Set(all.map((v) => v.semver)).size).toBe(12);
    expect(all.map((v) => v.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});

describe('a registration that another one overtakes between its read and its write', () => {
  it('is refused by the database when the model\'s counter moved, or its row is held, writing nothing', async () => {
    const model = await seedModel({ owner: scientist });
    await register(scientist, model.name);
    const before = await db.registeredModel.findUniqueOrThrow({ where: { id: model.id }, select: { nextVersionNumber: true, lastActivityAt: true } });
    await expect(db.$queryRaw`SELECT "modelgate_take_version_number"(${model.id}, ${before.nextVersionNumber - 1}::int, now())`).rejects.toThrow(/registered since its state was read/);
    expect(await db.registeredModel.findUniqueOrThrow({ where: { id: model.id }, select: { nextVersionNumber: true, lastActivityAt: true } })).toEqual(before);
    // Held by someone else: refused at once rather than after waiting (the locked path waits instead).
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "registered_model" WHERE "id" = ${model.id} FOR UPDATE`;
      const started = performance.now();
      await expect(db.$queryRaw`SELECT "modelgate_take_version_number"(${model.id}, ${before.nextVersionNumber}::int, now())`).rejects.toThrow(/is being registered/);
      expect(performance.now() - started).toBeLessThan(2_000);
    });
    expect(await db.registeredModel.findUniqueOrThrow({ where: { id: model.id }, select: { nextVersionNumber: true, lastActivityAt: true } })).toEqual(before);
  });

  it('is registered under the lock instead: both get their numbers in order, each with its audit event', async () => {
    const model = await seedModel({ owner: scientist });
    await register(scientist, model.name);
    // Hold the model's row so that both registrations read the same state and then queue on the lock.
    let release!: () => void;
    let locked!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const taken = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "registered_model" WHERE "id" = ${model.id} FOR UPDATE`;
      locked();
      await held;
    }, { timeout: 30_000 });
    await taken;
    const racing = ['a', 'b'].map((c) => registerVersion(scientist, versionInput(model.name, { artifactDigest: digest(c) })));
    const waiting = async () =>
      Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)[0]!.n);
    for (const started = Date.now(); (await waiting()) < 2; ) {
      if (Date.now() - started > 10_000) throw new Error('the registrations never queued on the lock');
      await new Promise((r) => setTimeout(r, 10));
    }
    release();
    await holder;
    const versions = await Promise.all(racing);
    expect(versions.map((v) => v.number).sort()).toEqual([2, 3]);
    expect(versions.map((v) => v.semver).sort()).toEqual(['1.0.1', '1.0.2']);
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'version.registered' } })).toBe(3);
    expect((await db.registeredModel.findUniqueOrThrow({ where: { id: model.id } })).nextVersionNumber).toBe(4);
  });
});

describe('the registered record', () => {
  it('is what a later GET returns, field for field', async () => {
    const model = await seedModel({ owner: scientist });
    const p1 = await register(scientist, model.name);
    const p2 = await register(scientist, model.name);
    const body = {
      dataVersion: '2026-12',
      artifactUri: 's3://bucket/full.bin',
      artifactDigest: digest('f'),
      framework: 'xgboost',
      hyperparameters: { zeta: 1, alpha: { nested: [3, 1, 2] }, 'b-key': 'x' },
      features: [{ name: 'income', type: 'float' }, { name: 'age', type: 'int' }],
      trainingDataHash: 'sha256:data',
      trainingDataSource: 's3://data',
      codeCommit: 'abc123',
      trainingDurationSec: 12.5,
      trainingResources: { gpus: 2, node: 'a100' },
      parents: [{ model: model.name, version: p2.number }, { model: model.name, version: p1.number }, { model: model.name, version: p2.number }],
      metrics: [
        { key: 'latency_p95_ms', value: 81.25 },
        { key: 'auc', value: 0.1 + 0.2, slice: 'region=EU' },
        { key: 'auc', value: 0.93 },
        { key: 'Auc', value: 0.5, evaluationSet: 'holdout' },
        { key: 'auc', value: 0.91, evaluationSet: 'backtest', slice: 'b' },
      ],
      tags: { zz: 'last', Team: 'risk', 'a.b': '', under_score: 'v' },
      description: 'full record',
      modelCard: '## Intended use\nScoring.',
    };
    const created = await call(versionsRoute.POST, { method: 'POST', params: { name: model.name }, token, body });
    expect(created.status).toBe(201);
    const number = String((created.json as { number: number }).number);
    const read = await call(versionRoute.GET, { params: { name: model.name, number }, token });
    expect(created.json).toEqual(read.json);
    expect(created.json).toMatchObject({ createdBy: scientist.label, aliases: [], parents: [{ version: p2.number }, { version: p1.number }] });

    const replayed = await call(versionsRoute.POST, { method: 'POST', params: { name: model.name }, token, body });
    expect(replayed.status).toBe(200);
    expect(replayed.json).toEqual(read.json);
  });

  it('is what MLflow get-model-version returns, with long tags set after registration too', async () => {
    const user = await mlflowUser(admin, 'scientist');
    const name = (await seedModel({ owner: user.actor })).name;
    for (const tags of [[{ key: 'team', value: 'risk' }], [{ key: 'a key with spaces', value: 'x'.repeat(600) }, { key: 'b', value: 'y' }]]) {
      const created = await as(user.bearer).post('model-versions/create', { name, source: 's3://bucket/m', description: 'via mlflow', tags });
      expect(created.status).toBe(200);
      const read = await as(user.bearer).get('model-versions/get', { name, version: created.json.model_version.version });
      expect(created.json).toEqual(read.json);
    }
  });

  it('stamps the model\'s last activity, which orders the model list', async () => {
    const model = await seedModel({ owner: scientist });
    const before = await modelRow(model.id);
    await new Promise((r) => setTimeout(r, 5));
    await register(scientist, model.name);
    const after = await modelRow(model.id);
    expect(after.lastActivityAt.getTime()).toBeGreaterThan(before.lastActivityAt.getTime());
    expect(after.nextVersionNumber).toBe(before.nextVersionNumber + 1);
  });
});

describe('the webhook outbox', () => {
  it('queues one delivery per active hook subscribed to the event, for this model or all', async () => {
    const model = await seedModel({ owner: scientist });
    const other = await seedModel({ owner: scientist });
    const url = 'http://127.0.0.1:9/unused';
    // Loopback destinations are refused unless the operator allows them (lib/webhooks/destination.ts).
    process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.1/32';
    const make = async (options: { model?: string; events: ('version.promoted' | 'version.archived')[] }) => {
      const hook = await createWebhook(admin, { url, ...options });
      hooks.push(hook.id);
      return hook.id;
    };
    const forModel = await make({ model: model.name, events: ['version.promoted'] });
    const forAll = await make({ events: ['version.promoted', 'version.archived'] });
    const forOther = await make({ model: other.name, events: ['version.promoted'] });
    const otherEvent = await make({ model: model.name, events: ['version.archived'] });
    const inactive = await make({ model: model.name, events: ['version.promoted'] });
    await deleteWebhook(admin, { id: inactive });

    const v = await register(scientist, model.name);
    await moveVersion(scientist, 'promote', { model: model.name, number: v.number, comment: 'ready' });
    const deliveries = await db.webhookDelivery.findMany({ where: { webhookId: { in: hooks } }, orderBy: { id: 'asc' } });
    expect(deliveries.map((d) => d.webhookId).sort()).toEqual([forModel, forAll].sort());
    expect(deliveries.map((d) => d.webhookId)).not.toContain(forOther);
    expect(deliveries.map((d) => d.webhookId)).not.toContain(otherEvent);
    const [first, second] = deliveries;
    expect(first!.deliveryId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first!.deliveryId).not.toBe(second!.deliveryId);
    expect(first).toMatchObject({ eventType: 'version.promoted', status: 'pending', attempts: 0 });
    expect(first!.payload).toEqual({
      event: 'version.promoted',
      occurredAt: expect.stringMatching(/Z$/),
      actor: scientist.label,
      model: model.name,
      version: v.number,
      fromStage: 'testing',
      toStage: 'staging',
      comment: 'ready',
      data: expect.any(Object),
    });
    expect(first!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
