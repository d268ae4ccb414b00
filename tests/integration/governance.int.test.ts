// Promotion governance against real Postgres: gates, approvals, atomic swaps, rollback, races.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { DEFAULT_CARD_SECTIONS, type Policy } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { cancelRequest } from '@/lib/services/cancel-request';
import { decideRequest } from '@/lib/services/decide-request';
import { moveVersion } from '@/lib/services/move-version';
import { overrideToProduction } from '@/lib/services/override-production';
import { requestProduction } from '@/lib/services/request-production';
import { rollbackModel } from '@/lib/services/rollback-model';
import { register, seedDeployment, seedModel, seedUser, seedVersion } from '../fixtures';

let scientist: Actor, approverA: Actor, approverB: Actor, admin: Actor, viewer: Actor;
const CARD = DEFAULT_CARD_SECTIONS.map((s) => `## ${s}\nFilled in.`).join('\n\n');
const FULL_METADATA = { artifactDigest: `sha256:${'b'.repeat(64)}`, trainingDataHash: 'sha256:data', codeCommit: 'abc123', modelCard: CARD };

beforeAll(async () => {
  [scientist, approverA, approverB, admin, viewer] = await Promise.all([seedUser({ role: 'scientist' }), seedUser({ role: 'approver' }), seedUser({ role: 'approver' }), seedUser({ role: 'admin' }), seedUser({ role: 'viewer' })]);
});

/** A model with `count` versions in Staging, all with complete metadata and the given AUCs. */
async function stagedModel(aucs: number[], policy?: Policy) {
  const model = await seedModel({ owner: scientist, policy });
  const versions = [];
  for (const auc of aucs) versions.push(await seedVersion(model, { stage: 'staging', by: scientist, ...FULL_METADATA, metrics: { auc, latency_p95_ms: 80 } }));
  return { model, versions };
}

const deploy = (model: string, number: number) => seedDeployment(model, number, { by: scientist, approvers: [approverA] });

const productionOf = (modelId: string) => db.modelVersion.findMany({ where: { modelId, stage: 'production' }, select: { number: true } });

/** A policy whose Staging digest gate blocks (the default one is advisory). */
const BLOCKING_STAGING: Policy = { staging: [{ kind: 'required-metadata', fields: ['artifactDigest'] }], production: [] };

describe('promote to Staging', () => {
  it('moves at once when the gates pass, and refuses with every failing blocking gate otherwise — changing nothing', async () => {
    const model = await seedModel({ owner: scientist, policy: BLOCKING_STAGING });
    const ok = await register(scientist, model.name, { artifactDigest: FULL_METADATA.artifactDigest });
    const noDigest = await register(scientist, model.name, { artifactDigest: undefined });
    await expect(moveVersion(scientist, 'promote', { model: model.name, number: ok.number })).resolves.toMatchObject({ to: 'staging' });
    const refused = moveVersion(scientist, 'promote', { model: model.name, number: noDigest.number });
    await expect(refused).rejects.toMatchObject({ code: 'GATE_FAILED', message: expect.stringContaining('artifact digest') });
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: noDigest.id } })).stage).toBe('testing');
    expect(await db.auditEvent.count({ where: { versionId: noDigest.id, action: 'version.promoted' } })).toBe(0);
  });

  it('under the default policy, moves a version without a digest and records the unmet advisory gate', async () => {
    const model = await seedModel({ owner: scientist });
    const v = await register(scientist, model.name, { artifactDigest: undefined });
    await expect(moveVersion(scientist, 'promote', { model: model.name, number: v.number })).resolves.toMatchObject({ to: 'staging' });
    const event = await db.auditEvent.findFirstOrThrow({ where: { versionId: v.id, action: 'version.promoted' } });
    expect(event.override).toBe(false);
    expect((event.data as { gates: unknown[] }).gates).toEqual([expect.objectContaining({ kind: 'required-metadata', passed: false, advisory: true, detail: 'Missing: artifact digest.' })]);
    // Production stays strict: the same gap now blocks the request.
    await expect(requestProduction(scientist, { model: model.name, number: v.number, comment: 'ship it' })).rejects.toMatchObject({ code: 'GATE_FAILED', message: expect.stringContaining('artifact digest') });
  });

  it('keeps an advisory gate advisory wherever it is evaluated: requests snapshot it, approvals do not stop on it', async () => {
    const advisoryCard: Policy = { staging: [], production: [{ kind: 'model-card-complete', sections: ['Intended use'], advisory: true }, { kind: 'approvals', count: 1 }] };
    const { model, versions } = await stagedModel([0.9], advisoryCard);
    const { request } = await requestProduction(scientist, { model: model.name, number: versions[0]!.number, comment: 'ship it' });
    expect(request.gateResults).toEqual([expect.objectContaining({ kind: 'model-card-complete', passed: true, advisory: true })]);
    await db.modelPolicy.update({ where: { modelId: model.id }, data: { gates: { ...advisoryCard, production: [{ kind: 'model-card-complete', sections: ['Missing section'], advisory: true }, { kind: 'approvals', count: 1 }] } } });
    await expect(decideRequest(approverA, { requestId: request.id, decision: 'approve' })).resolves.toMatchObject({ deployed: true });
  });

  it('lets an admin override failing gates only with a justification, marked as an override', async () => {
    const model = await seedModel({ owner: scientist, policy: BLOCKING_STAGING });
    const v = await register(scientist, model.name, { artifactDigest: undefined });
    await expect(moveVersion(scientist, 'promote', { model: model.name, number: v.number, overrideJustification: 'because I say so' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(moveVersion(admin, 'promote', { model: model.name, number: v.number, overrideJustification: 'short' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await moveVersion(admin, 'promote', { model: model.name, number: v.number, overrideJustification: 'Digest is recorded in the release ticket REL-42.' });
    const event = await db.auditEvent.findFirstOrThrow({ where: { versionId: v.id, action: 'version.promoted' } });
    expect(event).toMatchObject({ override: true, comment: 'Digest is recorded in the release ticket REL-42.' });
  });

  it('answers a stale board with CONFLICT', async () => {
    const model = await seedModel({ owner: scientist });
    const v = await register(scientist, model.name, { artifactDigest: FULL_METADATA.artifactDigest });
    await moveVersion(scientist, 'promote', { model: model.name, number: v.number });
    await expect(moveVersion(scientist, 'archive', { model: model.name, number: v.number, expectedStage: 'testing', comment: 'old view' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('request → approve → Production', () => {
  it('promotes on the required approval, archives the old Production version and remembers it as last stable', async () => {
    const { model, versions } = await stagedModel([0.9, 0.91]);
    await deploy(model.name, versions[0]!.number);
    const { request } = await requestProduction(scientist, { model: model.name, number: versions[1]!.number, comment: 'better auc' });
    expect(request.gateResults).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'no-regression', passed: true })]));
    await expect(decideRequest(scientist, { requestId: request.id, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const result = await decideRequest(approverB, { requestId: request.id, decision: 'approve', comment: 'lgtm', expectedProduction: versions[0]!.number });
    expect(result).toMatchObject({ status: 'approved', deployed: true });
    expect(await productionOf(model.id)).toEqual([{ number: 2 }]);
    const refreshed = await db.registeredModel.findUniqueOrThrow({ where: { id: model.id } });
    expect(refreshed.lastStableVersionId).toBe(versions[0]!.id);
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: versions[0]!.id } })).stage).toBe('archived');
  });

  it('refuses a request whose gates fail, naming them', async () => {
    const { model, versions } = await stagedModel([0.95, 0.7]);
    await deploy(model.name, versions[0]!.number);
    await expect(requestProduction(scientist, { model: model.name, number: versions[1]!.number, comment: 'try' })).rejects.toMatchObject({
      code: 'GATE_FAILED',
      message: expect.stringContaining('auc 0.7 vs baseline 0.95'),
    });
    expect(await db.promotionRequest.count({ where: { versionId: versions[1]!.id } })).toBe(0);
  });

  it('refuses the requester approving their own request, even in SQL', async () => {
    const { model, versions } = await stagedModel([0.9]);
    const requester = approverA;
    const { request } = await requestProduction(requester, { model: model.name, number: versions[0]!.number, comment: 'mine' });
    await expect(decideRequest(requester, { requestId: request.id, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('another approver must decide') });
    await expect(db.approval.create({ data: { requestId: request.id, approverId: requester.id!, decision: 'approve' } })).rejects.toThrow(/requester cannot decide/);
  });

  it('needs N distinct approvers when the policy says so; one rejection closes the request', async () => {
    const policy: Policy = { staging: [], production: [{ kind: 'approvals', count: 2 }] };
    const { model, versions } = await stagedModel([0.9, 0.9], policy);
    const first = (await requestProduction(scientist, { model: model.name, number: versions[0]!.number, comment: 'two please' })).request;
    expect(await decideRequest(approverA, { requestId: first.id, decision: 'approve' })).toMatchObject({ status: 'pending', approvals: 1, required: 2 });
    await expect(decideRequest(approverA, { requestId: first.id, decision: 'approve' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await decideRequest(approverB, { requestId: first.id, decision: 'approve' })).toMatchObject({ status: 'approved', deployed: true });

    const second = (await requestProduction(scientist, { model: model.name, number: versions[1]!.number, comment: 'again' })).request;
    await expect(decideRequest(approverA, { requestId: second.id, decision: 'reject' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await decideRequest(approverA, { requestId: second.id, decision: 'reject', comment: 'not now' })).toMatchObject({ status: 'rejected' });
    await expect(decideRequest(approverB, { requestId: second.id, decision: 'approve' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('rejected') });
  });

  it('re-evaluates the gates at approval time against the current Production version', async () => {
    const { model, versions } = await stagedModel([0.8, 0.95]);
    const { request } = await requestProduction(scientist, { model: model.name, number: versions[0]!.number, comment: 'first' });
    await deploy(model.name, versions[1]!.number); // The baseline moves up to 0.95 meanwhile.
    // Approving against the old picture is a conflict; against the new one, the gates decide.
    await expect(decideRequest(approverB, { requestId: request.id, decision: 'approve' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Production changed to v2') });
    await expect(decideRequest(approverB, { requestId: request.id, decision: 'approve', expectedProduction: 2 })).rejects.toMatchObject({ code: 'GATE_FAILED' });
    expect((await db.promotionRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('pending');
    expect(await db.approval.count({ where: { requestId: request.id } })).toBe(0);
  });

  it('lets the requester cancel, and nobody else but an admin', async () => {
    const { model, versions } = await stagedModel([0.9]);
    const { request } = await requestProduction(scientist, { model: model.name, number: versions[0]!.number, comment: 'oops' });
    await expect(cancelRequest(approverA, { requestId: request.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(cancelRequest(scientist, { requestId: request.id })).resolves.toMatchObject({ status: 'cancelled' });
  });

  it('deploys at once when the policy requires no approval', async () => {
    const { model, versions } = await stagedModel([0.9], { staging: [], production: [] });
    const result = await requestProduction(scientist, { model: model.name, number: versions[0]!.number, comment: 'auto' });
    expect(result.deployed).toBe(true);
    expect(await productionOf(model.id)).toEqual([{ number: 1 }]);
  });

  it('lets an admin override to Production, audited as an override', async () => {
    const { model, versions } = await stagedModel([0.9]);
    await expect(overrideToProduction(approverA, { model: model.name, number: 1, justification: 'incident fix, CAB approved' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await overrideToProduction(admin, { model: model.name, number: versions[0]!.number, justification: 'Incident fix, approved by the change board.' });
    expect(await db.auditEvent.findFirstOrThrow({ where: { modelId: model.id, action: 'version.deployed' } })).toMatchObject({ override: true });
  });
});

describe('races', () => {
  it('20 concurrent approvals of competing requests: exactly one Production, the rest 409 and still pending', async () => {
    const { model, versions } = await stagedModel(Array.from({ length: 20 }, () => 0.9));
    const requests = [];
    for (const v of versions) requests.push((await requestProduction(scientist, { model: model.name, number: v.number, comment: 'race' })).request);
    const results = await Promise.allSettled(requests.map((r, i) => decideRequest(i % 2 ? approverA : approverB, { requestId: r.id, decision: 'approve', expectedProduction: null })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const l of lost) expect(l.reason).toMatchObject({ code: 'CONFLICT' });
    expect(await productionOf(model.id)).toHaveLength(1);
    expect(await db.promotionRequest.count({ where: { modelId: model.id, status: 'pending' } })).toBe(19);
    // Audit rows match the changes one to one: one deployment, one approval.
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'version.deployed' } })).toBe(1);
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'promotion.approved' } })).toBe(1);
    expect(await db.approval.count({ where: { request: { modelId: model.id } } })).toBe(1);
  });

  it('two approvers approving the same request at once: one promotion, one deployment event', async () => {
    const { model, versions } = await stagedModel([0.9]);
    const { request } = await requestProduction(scientist, { model: model.name, number: versions[0]!.number, comment: 'same' });
    const results = await Promise.allSettled([approverA, approverB].map((a) => decideRequest(a, { requestId: request.id, decision: 'approve' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'version.deployed' } })).toBe(1);
  });

  it('never shows zero or two Production versions to a reader during swaps', async () => {
    const { model, versions } = await stagedModel([0.9, 0.9, 0.9, 0.9, 0.9, 0.9]);
    await deploy(model.name, versions[0]!.number);
    let stop = false;
    const seen = new Set<number>();
    const reader = (async () => {
      while (!stop) seen.add((await productionOf(model.id)).length);
    })();
    for (const v of versions.slice(1)) await deploy(model.name, v.number);
    stop = true;
    await reader;
    expect([...seen]).toEqual([1]);
  });
});

describe('rollback', () => {
  it('returns the last stable version, archives the current one tagged failed with the reason, atomically', async () => {
    const { model, versions } = await stagedModel([0.9, 0.91, 0.92]);
    for (const v of versions) await deploy(model.name, v.number);
    await expect(rollbackModel(scientist, { model: model.name, reason: 'bad' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(rollbackModel(approverA, { model: model.name, reason: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const result = await rollbackModel(approverA, { model: model.name, reason: 'Latency spike in EU', expectedVersion: 3 });
    expect(result).toMatchObject({ restored: { number: 2 }, failed: { number: 3 } });
    expect(await productionOf(model.id)).toEqual([{ number: 2 }]);
    const failed = await db.modelVersion.findUniqueOrThrow({ where: { id: versions[2]!.id }, include: { tags: true } });
    expect(failed.stage).toBe('archived');
    expect(failed.tags).toContainEqual(expect.objectContaining({ key: 'failed', value: 'Latency spike in EU' }));

    // Again: back to v1, never to the failed v3.
    expect(await rollbackModel(approverB, { model: model.name, reason: 'v2 also bad' })).toMatchObject({ restored: { number: 1 } });
    await expect(rollbackModel(approverB, { model: model.name, reason: 'nothing left' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('no earlier stable') });
    expect(await db.modelVersion.count({ where: { modelId: model.id } })).toBe(3); // Nothing deleted.
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'model.rolled_back' } })).toBe(2);
  });

  it('never archives Production directly: that path would skip the last stable version and the Production record', async () => {
    const { model, versions } = await stagedModel([0.9]);
    await deploy(model.name, versions[0]!.number);
    await expect(moveVersion(approverA, 'archive', { model: model.name, number: versions[0]!.number, comment: 'just archive it' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await productionOf(model.id)).toEqual([{ number: 1 }]);
  });

  it('refuses with CONFLICT when Production changed since the caller looked', async () => {
    const { model, versions } = await stagedModel([0.9, 0.91]);
    for (const v of versions) await deploy(model.name, v.number);
    await expect(rollbackModel(approverA, { model: model.name, reason: 'stale', expectedVersion: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('roles', () => {
  it('refuses every governance action to a viewer', async () => {
    const { model, versions } = await stagedModel([0.9]);
    const n = versions[0]!.number;
    const { request } = await requestProduction(scientist, { model: model.name, number: n, comment: 'x-y-z' });
    for (const attempt of [
      () => moveVersion(viewer, 'archive', { model: model.name, number: n, comment: 'nope' }),
      () => requestProduction(viewer, { model: model.name, number: n, comment: 'nope' }),
      () => decideRequest(viewer, { requestId: request.id, decision: 'approve' }),
      () => rollbackModel(viewer, { model: model.name, reason: 'nope' }),
      () => overrideToProduction(viewer, { model: model.name, number: n, justification: 'nope nope nope' }),
      () => register(viewer, model.name),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('lets a scientist promote and request but not approve or roll back', async () => {
    const { model, versions } = await stagedModel([0.9]);
    const { request } = await requestProduction(approverA, { model: model.name, number: versions[0]!.number, comment: 'by approver' });
    await expect(decideRequest(scientist, { requestId: request.id, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(rollbackModel(scientist, { model: model.name, reason: 'nope' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
