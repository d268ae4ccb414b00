import { beforeAll, describe, expect, it } from 'vitest';
import { actorFromToken } from '@/lib/auth/api-token';
import { db } from '@/lib/db/prisma';
import { currentSplit, routeFor } from '@/lib/db/queries/traffic';
import { DEFAULT_CARD_SECTIONS } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { decideRequest } from '@/lib/services/decide-request';
import { createApiToken } from '@/lib/services/create-api-token';
import { moveVersion } from '@/lib/services/move-version';
import { reportHealth } from '@/lib/services/report-health';
import { requestCanary } from '@/lib/services/request-canary';
import { requestProduction } from '@/lib/services/request-production';
import { setTrafficSplit } from '@/lib/services/set-traffic-split';
import { updatePolicy } from '@/lib/services/update-policy';
import { makeActor, makeModel, register } from './fixtures';

let scientist: Actor, approver: Actor, admin: Actor;
const CARD = DEFAULT_CARD_SECTIONS.map((s) => `## ${s}\ntext`).join('\n');

beforeAll(async () => {
  [scientist, approver, admin] = await Promise.all([makeActor('scientist'), makeActor('approver'), makeActor('admin')]);
});

/** A model with v1 and v2 deployed in turn (v2 in Production, v1 its last stable) and v3 in Staging. */
async function servedModel() {
  const model = await makeModel(scientist);
  for (let i = 0; i < 3; i++) {
    const v = await register(scientist, model.name, { trainingDataHash: 'h', codeCommit: 'c', modelCard: CARD });
    await moveVersion(scientist, 'promote', { model: model.name, number: v.number });
    if (i < 2) {
      const { request } = await requestProduction(scientist, { model: model.name, number: v.number, comment: 'ship it' });
      await decideRequest(approver, { requestId: request.id, decision: 'approve' });
    }
  }
  return model;
}

/** v3 (Staging) given an approved 10 % canary share beside Production v2. */
async function withCanary(model: string, weight = 10) {
  const { request } = await requestCanary(scientist, { model, number: 3, weight, comment: 'see live traffic' });
  await decideRequest(approver, { requestId: request.id, decision: 'approve' });
}

// These two tests used to set a split on a Staging version nobody approved (issue 12 item 2): the
// candidate now gets its share through an approved canary request first.
describe('traffic split', () => {
  it('routes keys deterministically between Production and a candidate', async () => {
    const model = await servedModel();
    await withCanary(model.name);
    await expect(setTrafficSplit(scientist, { model: model.name, routes: [{ number: 2, weight: 100 }] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setTrafficSplit(approver, { model: model.name, routes: [{ number: 2, weight: 80 }, { number: 3, weight: 30 }] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('sum to 100') });
    await expect(setTrafficSplit(approver, { model: model.name, routes: [{ number: 1, weight: 50 }, { number: 3, weight: 50 }] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await setTrafficSplit(approver, { model: model.name, routes: [{ number: 2, weight: 90 }, { number: 3, weight: 10 }] });
    const first = await routeFor(model.name, 'user-17');
    expect((await routeFor(model.name, 'user-17')).version).toBe(first.version);
    const counts = { 2: 0, 3: 0 } as Record<number, number>;
    for (let i = 0; i < 2000; i++) counts[(await routeFor(model.name, `u${i}`)).version]! += 1;
    expect(counts[3]! / 2000).toBeGreaterThan(0.06);
    expect(counts[3]! / 2000).toBeLessThan(0.14);
  });

  it('gives the share of a version that left Staging back to Production', async () => {
    const model = await servedModel();
    await withCanary(model.name, 30);
    expect((await currentSplit(model.name)).routes).toEqual([{ number: 2, weight: 70 }, { number: 3, weight: 30 }]);
    await moveVersion(scientist, 'archive', { model: model.name, number: 3, comment: 'abandoned' });
    expect(await currentSplit(model.name)).toMatchObject({ routes: [{ number: 2, weight: 100 }], production: 2, canaries: [] });
  });
});

describe('health-triggered rollback', () => {
  // Only a serving token's reports count towards automatic rollback (serving-tokens.int.test.ts has the rest).
  let serving: Actor;
  beforeAll(async () => {
    serving = await actorFromToken((await createApiToken(admin, { name: 'serving system', kind: 'serving' })).token);
  });

  it('rolls back after the policy number of consecutive unhealthy reports, as "automatic rollback"', async () => {
    const model = await servedModel();
    expect(await reportHealth(serving, { model: model.name, healthy: false, reason: '5xx spike' })).toMatchObject({ rolledBack: false, unhealthyInARow: 1 });
    expect(await reportHealth(serving, { model: model.name, healthy: true })).toMatchObject({ healthy: true });
    await reportHealth(serving, { model: model.name, healthy: false, reason: '5xx spike' });
    await reportHealth(serving, { model: model.name, healthy: false, reason: '5xx spike' });
    const third = await reportHealth(serving, { model: model.name, healthy: false, reason: 'latency' });
    expect(third).toMatchObject({ rolledBack: true, restored: 1 });
    const production = await db.modelVersion.findFirstOrThrow({ where: { modelId: model.id, stage: 'production' } });
    expect(production.number).toBe(1);
    const failed = await db.versionTag.findFirstOrThrow({ where: { version: { modelId: model.id, number: 2 }, key: 'failed' } });
    expect(failed.value).toContain('3 unhealthy reports in a row');
    const event = await db.auditEvent.findFirstOrThrow({ where: { modelId: model.id, action: 'model.rolled_back' } });
    expect(event.actorLabel).toBe('automatic rollback');
  });

  it('judges metric samples against the policy thresholds, and concurrent reports roll back once', async () => {
    const model = await servedModel();
    await updatePolicy(admin, {
      model: model.name,
      policy: { staging: [], production: [{ kind: 'approvals', count: 1 }], health: { consecutiveUnhealthy: 2, windowMinutes: 5, thresholds: [{ metric: 'error_rate', op: '<=', value: 0.02 }] } },
    });
    expect(await reportHealth(serving, { model: model.name, metrics: { error_rate: 0.01 } })).toMatchObject({ healthy: true });
    await reportHealth(serving, { model: model.name, metrics: { error_rate: 0.09 } });
    const results = await Promise.all(Array.from({ length: 4 }, () => reportHealth(serving, { model: model.name, metrics: { error_rate: 0.2 } })));
    expect(results.filter((r) => r.rolledBack)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'model.rolled_back' } })).toBe(1);
  });

  it('refuses a viewer', async () => {
    const viewer = await makeActor('viewer');
    const model = await servedModel();
    await expect(reportHealth(viewer, { model: model.name, healthy: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
