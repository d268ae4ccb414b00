// The SQL functions that do a change of Production in few round trips (migration
// 20261201173000_production_change_round_trips): their refusals map through lib/db/constraints.ts to the
// codes the services used to throw, they read after the lock they take, and they write what the
// statements they replace wrote.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { DEFAULT_POLICY } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from '@/lib/services/actor';
import { decideRequest } from '@/lib/services/decide-request';
import { rollbackModel } from '@/lib/services/rollback-model';
import { swapProduction } from '@/lib/services/internal/production';
import { seedModel, seedPendingRequest, seedProductionVersion, seedUser, seedVersion } from '../fixtures';

let approver: Actor, secondApprover: Actor;

beforeAll(async () => {
  [approver, secondApprover] = await Promise.all([seedUser({ role: 'approver' }), seedUser({ role: 'approver' })]);
});

const versionOf = (modelId: string, number: number) => db.modelVersion.findFirstOrThrow({ where: { modelId, number } });

describe('modelgate_swap_production', () => {
  it('refuses a version already in Production, and one no longer in the stage the caller saw, with CONFLICT', async () => {
    const model = await seedModel();
    await seedProductionVersion(model);
    const staged = await seedVersion(model, { stage: 'staging' });
    const { id: modelId } = await db.registeredModel.findUniqueOrThrow({ where: { name: model.name } });
    const production = await versionOf(modelId, 1);
    const swap = (versionId: string, fromStage: 'staging' | 'archived') =>
      inTransaction((tx) => swapProduction(tx, { modelId, versionId, fromStage, startedBy: 'test', endedReason: 'test' }));

    await expect(swap(production.id, 'staging')).rejects.toMatchObject({ code: 'CONFLICT', message: 'That version is already in Production.' });
    const candidate = await versionOf(modelId, staged.number);
    await expect(swap(candidate.id, 'archived')).rejects.toMatchObject({ code: 'CONFLICT', message: 'The version moved while you were looking at it. Refresh the board and try again.' });
    // Nothing changed: the refusal rolled the archive of the current version back.
    expect((await versionOf(modelId, 1)).stage).toBe('production');
    expect(await db.productionPeriod.count({ where: { modelId, endedAt: null } })).toBe(1);
  });

  it('archives the current version, ends its period and opens the new one at the same instant, and reports the replaced version', async () => {
    const model = await seedModel();
    await seedProductionVersion(model);
    const staged = await seedVersion(model, { stage: 'staging' });
    const { id: modelId } = await db.registeredModel.findUniqueOrThrow({ where: { name: model.name } });
    const candidate = await versionOf(modelId, staged.number);
    const result = await inTransaction((tx) => swapProduction(tx, { modelId, versionId: candidate.id, fromStage: 'staging', startedBy: 'someone', endedReason: 'why' }));
    const old = await versionOf(modelId, 1);
    expect(result).toEqual({ replaced: { id: old.id, number: 1 }, after: { shares: [], replacedAliases: [] } });
    const [now, ended] = await Promise.all([versionOf(modelId, staged.number), db.productionPeriod.findFirstOrThrow({ where: { modelId, versionId: old.id } })]);
    const open = await db.productionPeriod.findFirstOrThrow({ where: { modelId, endedAt: null } });
    expect(old.stage).toBe('archived');
    expect(now.stage).toBe('production');
    expect(open).toMatchObject({ versionId: candidate.id, startedBy: 'someone' });
    expect(ended).toMatchObject({ endedReason: 'why' });
    // One instant for all of it, and the service's clock (not the database's time zone) sets it.
    expect(open.startedAt.getTime()).toBe(now.stageChangedAt.getTime());
    expect(ended.endedAt?.getTime()).toBe(now.stageChangedAt.getTime());
    expect(old.stageChangedAt.getTime()).toBe(now.stageChangedAt.getTime());
    expect(Math.abs(now.stageChangedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('reports the canary shares and the protected aliases on the replaced version, which the service then cleans up', async () => {
    const model = await seedModel();
    await seedProductionVersion(model);
    const { id: modelId } = await db.registeredModel.findUniqueOrThrow({ where: { name: model.name } });
    const old = await versionOf(modelId, 1);
    await db.modelAlias.create({ data: { modelId, alias: 'champion', versionId: old.id } });
    await db.modelAlias.create({ data: { modelId, alias: 'pinned', versionId: old.id } });
    const staged = await seedVersion(model, { stage: 'staging' });
    const candidate = await versionOf(modelId, staged.number);
    const swapped = await db.$transaction(async (tx) => {
      const result = await swapProduction(tx, { modelId, versionId: candidate.id, fromStage: 'staging', startedBy: 'test', endedReason: 'test' });
      throw Object.assign(new Error('roll back'), { result });
    }).catch((e: { result?: unknown }) => e.result);
    expect(swapped).toMatchObject({ replaced: { number: 1 }, after: { shares: [], replacedAliases: ['champion'] } });
  });
});

describe('the lock-then-read functions', () => {
  it('a decision waiting on the request lock sees the decision committed before it got the lock', async () => {
    const production = [...DEFAULT_POLICY.production.filter((g) => g.kind !== 'approvals'), { kind: 'approvals' as const, count: 2 }];
    const model = await seedModel({ policy: { ...DEFAULT_POLICY, production } });
    const { request } = await seedPendingRequest(model);
    // Hold the request's lock while both approvers decide: the first waits, the second waits behind it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "promotion_request" WHERE "id" = ${request.id} FOR UPDATE`;
      locked();
      await held;
    });
    await lockTaken;
    const first = decideRequest(approver, { requestId: request.id, decision: 'approve' });
    await new Promise((r) => setTimeout(r, 150));
    const second = decideRequest(secondApprover, { requestId: request.id, decision: 'approve' });
    await new Promise((r) => setTimeout(r, 150));
    release();
    await holder;
    const outcomes = (await Promise.all([first, second])).map((o) => o.status).sort();
    // Whichever went second counted the first one's approval: two of two, so it deployed.
    expect(outcomes).toEqual(['approved', 'pending']);
    expect(await db.approval.count({ where: { requestId: request.id } })).toBe(2);
  });

  it('a rollback waiting on the model lock sees the Production the first rollback left, and refuses with CONFLICT', async () => {
    const model = await seedModel();
    await seedProductionVersion(model);
    await seedProductionVersion(model);
    await seedProductionVersion(model);
    const both = await Promise.allSettled([
      rollbackModel(approver, { model: model.name, reason: 'first', expectedVersion: 3 }),
      rollbackModel(secondApprover, { model: model.name, reason: 'second', expectedVersion: 3 }),
    ]);
    const fulfilled = both.filter((r) => r.status === 'fulfilled');
    const rejected = both.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected[0]?.reason).toMatchObject({ code: 'CONFLICT' });
    const { id: modelId } = await db.registeredModel.findUniqueOrThrow({ where: { name: model.name } });
    const m = await db.registeredModel.findUniqueOrThrow({ where: { id: modelId }, select: { lastStableVersionId: true } });
    // v2 restored; v3 failed; the next target is v1.
    expect((await versionOf(modelId, 2)).stage).toBe('production');
    expect(m.lastStableVersionId).toBe((await versionOf(modelId, 1)).id);
    expect(await db.versionTag.findUnique({ where: { versionId_key: { versionId: (await versionOf(modelId, 3)).id, key: 'failed' } } })).toMatchObject({ value: 'first' });
  });

  it('an unknown request and an unknown model are NOT_FOUND', async () => {
    await expect(decideRequest(approver, { requestId: 'no-such-request', decision: 'approve' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rollbackModel(approver, { model: 'no-such-model', reason: 'because' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
