// Issue 12 item 2: a version receives traffic — through a protected alias, the split, or resolve — only
// when it is the Production version or a canary approved through the same path as Production.
import { beforeAll, describe, expect, it } from 'vitest';
import * as resolveRoute from '@/app/api/v1/models/[name]/resolve/route';
import * as canaryRoute from '@/app/api/v1/models/[name]/versions/[number]/canary-requests/route';
import { db } from '@/lib/db/prisma';
import { currentSplit, routeFor } from '@/lib/db/queries/traffic';
import type { Actor } from '@/lib/services/actor';
import { decideRequest } from '@/lib/services/decide-request';
import { deleteAlias } from '@/lib/services/delete-alias';
import { moveVersion } from '@/lib/services/move-version';
import { requestCanary } from '@/lib/services/request-canary';
import { requestProduction } from '@/lib/services/request-production';
import { rollbackModel } from '@/lib/services/rollback-model';
import { setAlias } from '@/lib/services/set-alias';
import { setTrafficSplit } from '@/lib/services/set-traffic-split';
import { updatePolicy } from '@/lib/services/update-policy';
import { call } from './api-client';
import { as, mlflowUser } from './mlflow-client';
import { COMPLETE_CARD, register, seedModel, seedProductionVersion, seedToken, seedUser, seedVersion } from '../fixtures';

let scientist: Actor, approver: Actor, approver2: Actor, admin: Actor;

beforeAll(async () => {
  [scientist, approver, approver2, admin] = await Promise.all([seedUser({ role: 'scientist' }), seedUser({ role: 'approver' }), seedUser({ role: 'approver' }), seedUser({ role: 'admin' })]);
});

/** v1 in Production; v2 and v3 in Staging, both passing the Production gates. */
async function servedModel() {
  const model = await seedModel({ owner: scientist });
  await seedProductionVersion(model, { by: scientist, approvers: [approver], comment: 'first release' });
  for (let i = 0; i < 2; i++) await seedVersion(model, { stage: 'staging', by: scientist });
  return model;
}

async function approvedCanary(model: string, number: number, weight: number) {
  const { request } = await requestCanary(scientist, { model, number, weight, comment: 'see live traffic' });
  const decided = await decideRequest(approver, { requestId: request.id, decision: 'approve', comment: 'watch the EU slice' });
  return { request, decided };
}

const share = (modelId: string) => db.canaryShare.findMany({ where: { modelId }, select: { weight: true, approvedWeight: true, version: { select: { number: true } } } });

describe('a canary share goes through the Production approval path', () => {
  it('applies only when approved by someone other than the requester, and shows who approved it', async () => {
    const model = await servedModel();
    const { request } = await requestCanary(scientist, { model: model.name, number: 2, weight: 10, comment: 'see live traffic' });
    expect(request).toMatchObject({ kind: 'canary', canaryWeight: 10, status: 'pending', requiredApprovals: 1 });
    // Pending: nothing is served yet.
    expect((await currentSplit(model.name)).routes).toEqual([{ number: 1, weight: 100 }]);
    await expect(decideRequest(scientist, { requestId: request.id, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const requester = await seedUser({ role: 'approver' });
    const own = await requestCanary(requester, { model: model.name, number: 3, weight: 5, comment: 'mine' });
    await expect(decideRequest(requester, { requestId: own.request.id, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(await decideRequest(approver, { requestId: request.id, decision: 'approve' })).toMatchObject({ status: 'approved', deployed: false, canary: { version: 2, weight: 10 } });
    const split = await currentSplit(model.name);
    expect(split.routes).toEqual([{ number: 1, weight: 90 }, { number: 2, weight: 10 }]);
    expect(split.canaries).toEqual([expect.objectContaining({ number: 2, weight: 10, approvedWeight: 10, approvedBy: [expect.objectContaining({ name: 'approver tester' })] })]);
    let canary = 0;
    for (let i = 0; i < 1000; i++) if ((await routeFor(model.name, `user-${i}`)).version === 2) canary += 1;
    expect(canary / 1000).toBeGreaterThan(0.07);
    expect(canary / 1000).toBeLessThan(0.13);
    const event = await db.auditEvent.findFirstOrThrow({ where: { modelId: model.id, action: 'traffic.updated' }, orderBy: { id: 'desc' } });
    expect(event.data).toMatchObject({ canary: 2, weight: 10, approvedBy: ['approver tester'] });
  });

  it("needs the policy's approval count, and the Production gates against the Production version serving now", async () => {
    const model = await servedModel();
    await updatePolicy(admin, { model: model.name, policy: { staging: [], production: [{ kind: 'no-regression', metrics: ['auc'], tolerance: 0, perSlice: false }, { kind: 'approvals', count: 2 }] } });
    const { request } = await requestCanary(scientist, { model: model.name, number: 2, weight: 20, comment: 'two approvers' });
    expect(await decideRequest(approver, { requestId: request.id, decision: 'approve' })).toMatchObject({ status: 'pending', approvals: 1, required: 2 });
    expect(await share(model.id)).toEqual([]);
    // Production changes while the request is open: the approvers judged a comparison that no longer holds.
    const better = await register(scientist, model.name, { trainingDataHash: 'h', codeCommit: 'c', modelCard: COMPLETE_CARD, metrics: [{ key: 'auc', value: 0.99 }, { key: 'latency_p95_ms', value: 80 }] });
    await moveVersion(scientist, 'promote', { model: model.name, number: better.number });
    const prod = await requestProduction(scientist, { model: model.name, number: better.number, comment: 'better' });
    await decideRequest(approver, { requestId: prod.request.id, decision: 'approve' });
    await decideRequest(approver2, { requestId: prod.request.id, decision: 'approve' });
    await expect(decideRequest(approver2, { requestId: request.id, decision: 'approve' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(decideRequest(approver2, { requestId: request.id, decision: 'approve', expectedProduction: better.number })).rejects.toMatchObject({ code: 'GATE_FAILED', message: expect.stringContaining('auc') });
    expect(await share(model.id)).toEqual([]);
  });

  it('refuses a canary without a Production version, outside Staging, failing the gates, or above 50 %', async () => {
    const fresh = await seedModel({ owner: scientist });
    await register(scientist, fresh.name, { trainingDataHash: 'h', codeCommit: 'c', modelCard: COMPLETE_CARD });
    await moveVersion(scientist, 'promote', { model: fresh.name, number: 1 });
    await expect(requestCanary(scientist, { model: fresh.name, number: 1, weight: 10, comment: 'why' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('no Production') });
    const model = await servedModel();
    await register(scientist, model.name, { modelCard: '' });
    await expect(requestCanary(scientist, { model: model.name, number: 4, weight: 10, comment: 'why' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(requestCanary(scientist, { model: model.name, number: 2, weight: 51, comment: 'why' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(requestCanary(makeViewer(), { model: model.name, number: 2, weight: 5, comment: 'why' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await approvedCanary(model.name, 2, 40);
    await expect(requestCanary(scientist, { model: model.name, number: 3, weight: 20, comment: 'why' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('at most 10 %') });
  });

  it('answers the REST v1 canary request with 201, and refuses bad weights with 400', async () => {
    const model = await servedModel();
    const token = await seedToken(scientist, { name: 'pipeline', role: 'scientist' });
    const post = (body: unknown) => call(canaryRoute.POST, { method: 'POST', params: { name: model.name, number: '2' }, token, body });
    expect(await post({ weight: 'ten', comment: 'why' })).toMatchObject({ status: 400, json: { error: { code: 'INVALID_ARGUMENT' } } });
    expect(await post({ weight: 12.5, comment: 'why' })).toMatchObject({ status: 400 });
    expect(await post({ weight: 10, comment: 'why' })).toMatchObject({ status: 201, json: { request: { kind: 'canary', canaryWeight: 10 }, applied: false } });
  });
});

function makeViewer(): Actor {
  return { id: 'nobody', label: 'viewer', role: 'viewer' };
}

describe('the split stays within what was approved', () => {
  it('lets an approver lower, pause and end a share, never raise it or add an unapproved version', async () => {
    const model = await servedModel();
    await approvedCanary(model.name, 2, 10);
    await expect(setTrafficSplit(approver, { model: model.name, routes: [{ number: 1, weight: 80 }, { number: 2, weight: 20 }] })).rejects.toMatchObject({ code: 'GATE_FAILED', message: expect.stringContaining('approved for 10 %') });
    await expect(setTrafficSplit(approver, { model: model.name, routes: [{ number: 1, weight: 95 }, { number: 2, weight: 4 }, { number: 3, weight: 1 }] })).rejects.toMatchObject({ code: 'GATE_FAILED', message: expect.stringContaining('v3 has no approved canary share') });
    await setTrafficSplit(approver, { model: model.name, routes: [{ number: 1, weight: 95 }, { number: 2, weight: 5 }] });
    expect(await share(model.id)).toEqual([{ weight: 5, approvedWeight: 10, version: { number: 2 } }]);
    await setTrafficSplit(approver, { model: model.name, routes: [{ number: 1, weight: 90 }, { number: 2, weight: 10 }] });
    await setTrafficSplit(approver, { model: model.name, routes: [{ number: 1, weight: 100 }] });
    expect(await share(model.id)).toEqual([]);
    expect((await currentSplit(model.name)).routes).toEqual([{ number: 1, weight: 100 }]);
  });

  it('the database refuses a share nobody approved, a raised weight, and shares over half the traffic', async () => {
    const model = await servedModel();
    const v2 = await db.modelVersion.findFirstOrThrow({ where: { modelId: model.id, number: 2 } });
    const v1 = await db.modelVersion.findFirstOrThrow({ where: { modelId: model.id, number: 1 } });
    const pending = await db.promotionRequest.create({ data: { modelId: model.id, versionId: v2.id, kind: 'canary', canaryWeight: 30, requestedById: scientist.id!, requiredApprovals: 1 } });
    const insert = (requestId: string, weight: number) => db.$executeRaw`
      INSERT INTO "canary_share" ("version_id", "model_id", "request_id", "approved_weight", "weight", "baseline_version_id") VALUES (${v2.id}, ${model.id}, ${requestId}, ${weight}, ${weight}, ${v1.id})`;
    await expect(insert(pending.id, 30)).rejects.toThrow(/serving_guard/);
    // Marked approved by hand, without the approvals its policy asked for.
    await db.promotionRequest.update({ where: { id: pending.id }, data: { status: 'approved' } });
    await expect(insert(pending.id, 30)).rejects.toThrow(/0 of 1 approvals/);
    await expect(db.promotionRequest.update({ where: { id: pending.id }, data: { canaryWeight: 50 } })).rejects.toThrow();
    await expect(db.$executeRaw`INSERT INTO "promotion_request" ("id", "model_id", "version_id", "kind", "requested_by_id") VALUES ('bad-kind', ${model.id}, ${v2.id}, 'canary', ${scientist.id})`).rejects.toThrow(/promotion_request_kind|1-50/);

    const { request } = await approvedCanary(model.name, 2, 10);
    await expect(db.$executeRaw`UPDATE "canary_share" SET "weight" = 11 WHERE "request_id" = ${request.id}`).rejects.toThrow(/serving_guard/);
    await expect(db.$executeRaw`UPDATE "canary_share" SET "approved_weight" = 50, "weight" = 50 WHERE "request_id" = ${request.id}`).rejects.toThrow(/serving_guard/);
    // Archiving the canary by hand, without ending its share, fails when the transaction commits.
    await expect(db.$executeRaw`UPDATE "model_version" SET "stage" = 'archived' WHERE "id" = ${v2.id}`).rejects.toThrow(/serving_guard/);
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: v2.id } })).stage).toBe('staging');
  });
});

describe('leaving Staging or Production takes a version out of every protected alias and the split', () => {
  it('archiving a canary ends its share, removes the protected alias on it and cancels its pending request', async () => {
    const model = await servedModel();
    await updatePolicy(admin, { model: model.name, policy: { staging: [], production: [{ kind: 'approvals', count: 1 }], protectedAliases: ['champion', 'challenger'] } });
    await approvedCanary(model.name, 2, 10);
    await setAlias(approver, { model: model.name, alias: 'challenger', number: 2 });
    await setAlias(scientist, { model: model.name, alias: 'nightly', number: 2 });
    const { request } = await requestProduction(scientist, { model: model.name, number: 2, comment: 'ship it' });
    await decideRequest(approver, { requestId: (await requestProduction(scientist, { model: model.name, number: 3, comment: 'also this' })).request.id, decision: 'reject', comment: 'not this one' });
    await moveVersion(scientist, 'archive', { model: model.name, number: 2, comment: 'abandoned' });
    expect(await share(model.id)).toEqual([]);
    expect((await db.modelAlias.findMany({ where: { modelId: model.id }, select: { alias: true } })).map((a) => a.alias)).toEqual(['nightly']);
    expect(await db.promotionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: 'cancelled' });
    const events = await db.auditEvent.findMany({ where: { modelId: model.id, versionNumber: 2, action: { in: ['alias.deleted', 'promotion.cancelled'] } }, select: { action: true, comment: true } });
    expect(events).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'alias.deleted' }), expect.objectContaining({ action: 'promotion.cancelled', comment: expect.stringContaining('Staging to Archived') })]));
  });

  it('a new Production clears the split; @champion follows Production, and a rollback takes it back', async () => {
    const model = await servedModel();
    await setAlias(approver, { model: model.name, alias: 'champion', number: 1 });
    await approvedCanary(model.name, 3, 10);
    const { request } = await requestProduction(scientist, { model: model.name, number: 2, comment: 'ship v2' });
    await decideRequest(approver, { requestId: request.id, decision: 'approve' });
    expect(await share(model.id)).toEqual([]);
    expect(await currentSplit(model.name)).toMatchObject({ routes: [{ number: 2, weight: 100 }], canaries: [] });
    const token = await seedToken(scientist, { name: 'serving', role: 'viewer' });
    const champion = async () => ((await call(resolveRoute.GET, { url: 'http://localhost/api?alias=champion', params: { name: model.name }, token })).json as { version: number }).version;
    expect(await champion()).toBe(2);
    await rollbackModel(approver, { model: model.name, reason: 'error rate doubled' });
    expect(await champion()).toBe(1);
    const failed = await db.modelVersion.findFirstOrThrow({ where: { modelId: model.id, number: 2 }, select: { aliases: true, tags: true } });
    expect(failed.aliases).toEqual([]);
    expect(failed.tags.map((t) => t.key)).toContain('failed');
  });

  it('a rollback ends every canary share (they were judged against the failed version)', async () => {
    const model = await servedModel();
    const v2 = await requestProduction(scientist, { model: model.name, number: 2, comment: 'ship v2' });
    await decideRequest(approver, { requestId: v2.request.id, decision: 'approve' });
    await approvedCanary(model.name, 3, 10);
    await rollbackModel(approver, { model: model.name, reason: 'error rate doubled' });
    expect(await share(model.id)).toEqual([]);
    expect((await routeFor(model.name, 'anyone')).split).toEqual([{ number: 1, weight: 100 }]);
  });
});

describe('which aliases are protected is part of the policy', () => {
  it('protects champion by default, and whatever the policy lists instead', async () => {
    const model = await servedModel();
    await expect(setAlias(approver, { model: model.name, alias: 'CHAMPION', number: 2 })).rejects.toMatchObject({ code: 'GATE_FAILED' });
    await approvedCanary(model.name, 2, 10);
    expect(await setAlias(approver, { model: model.name, alias: 'champion', number: 2 })).toEqual({ alias: 'champion', version: 2 });
    await expect(deleteAlias(scientist, { model: model.name, alias: 'champion' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await setAlias(scientist, { model: model.name, alias: 'prod', number: 3 });
    // Protecting an alias that points at an unapproved version would make it serve that version: refused.
    await expect(updatePolicy(admin, { model: model.name, policy: { staging: [], production: [], protectedAliases: ['champion', 'prod'] } })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('@prod') });
    await setAlias(scientist, { model: model.name, alias: 'prod', number: 1 });
    await updatePolicy(admin, { model: model.name, policy: { staging: [], production: [], protectedAliases: ['champion', 'prod'] } });
    await expect(setAlias(scientist, { model: model.name, alias: 'prod', number: 3 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setAlias(approver, { model: model.name, alias: 'prod', number: 3 })).rejects.toMatchObject({ code: 'GATE_FAILED' });
    // An edit without the list (an older editor) keeps the saved one.
    await updatePolicy(admin, { model: model.name, policy: { staging: [], production: [] } });
    await expect(setAlias(approver, { model: model.name, alias: 'prod', number: 3 })).rejects.toMatchObject({ code: 'GATE_FAILED' });
    // And an empty list protects nothing: the database reads the policy the same way.
    await updatePolicy(admin, { model: model.name, policy: { staging: [], production: [], protectedAliases: [] } });
    expect(await setAlias(scientist, { model: model.name, alias: 'champion', number: 3 })).toEqual({ alias: 'champion', version: 3 });
  });

  it('holds through the MLflow alias endpoint too', async () => {
    const model = await servedModel();
    const mlflowApprover = await mlflowUser(admin, 'approver');
    const post = (version: string) => as(mlflowApprover.bearer).post('registered-models/alias', { name: model.name, alias: 'champion', version });
    expect(await post('2')).toMatchObject({ status: 400, json: { error_code: 'INVALID_STATE', message: expect.stringContaining('approved share') } });
    expect((await post('1')).status).toBe(200);
    await approvedCanary(model.name, 2, 10);
    expect((await post('2')).status).toBe(200);
    expect((await as(mlflowApprover.bearer).get('registered-models/alias', { name: model.name, alias: 'champion' })).json.model_version.version).toBe('2');
    // The canary ends: the alias goes with it.
    await moveVersion(scientist, 'demote', { model: model.name, number: 2, comment: 'recalibrate' });
    expect((await as(mlflowApprover.bearer).get('registered-models/alias', { name: model.name, alias: 'champion' })).status).toBe(400);
  });
});
