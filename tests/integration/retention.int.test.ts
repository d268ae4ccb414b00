// Retention rules (issue #16 item 5): the dry run and Run now over REST v1, the scheduled pass, what is never
// touched, the audit trail, bad input, and passes racing each other or a promotion.
import { parseCronItems, run, type TaskList } from 'graphile-worker';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as previewRoute from '@/app/api/v1/models/[name]/retention/preview/route';
import * as runRoute from '@/app/api/v1/models/[name]/retention/run/route';
import * as policyRoute from '@/app/api/admin/policies/[model]/route';
import { db } from '@/lib/db/prisma';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { jobLogger } from '@/lib/jobs/runner';
import { SCHEDULE } from '@/lib/jobs/schedule';
import { retentionPass } from '@/lib/jobs/tasks/retention-pass';
import type { Policy } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { applyRetentionPass, applyRetentionToModel, RETENTION_RULE } from '@/lib/services/apply-retention';
import { clock } from '@/lib/services/clock';
import { moveVersion } from '@/lib/services/move-version';
import { setAlias } from '@/lib/services/set-alias';
import { updatePolicy } from '@/lib/services/update-policy';
import { call } from './api-client';
import { FIXTURES_ADMIN, register, runQueuedJobs, seedModel, seedPendingRequest, seedProductionVersion, seedToken, seedUser, seedVersion } from '../fixtures';

const DAY = 24 * 60 * 60 * 1000;
let admin: Actor, scientist: Actor, viewer: Actor;
let adminToken: string, scientistToken: string, viewerToken: string;

beforeAll(async () => {
  [admin, scientist, viewer] = await Promise.all([seedUser({ role: 'admin' }), seedUser({ role: 'scientist' }), seedUser({ role: 'viewer' })]);
  [adminToken, scientistToken, viewerToken] = await Promise.all([seedToken(admin), seedToken(scientist), seedToken(viewer)]);
});

afterEach(() => vi.restoreAllMocks());

/** Moves "now" forward for the retention pass: versions registered a moment ago are `days` old. */
const inDays = (days: number) => vi.spyOn(clock, 'now').mockImplementation(() => new Date(Date.now() + days * DAY));

const policyWith = (retention: Policy['retention']): Policy => ({ staging: [], production: [{ kind: 'approvals', count: 1 }], retention });

async function stages(model: string) {
  const rows = await db.modelVersion.findMany({ where: { model: { name: model } }, orderBy: { number: 'asc' }, select: { number: true, stage: true } });
  return Object.fromEntries(rows.map((r) => [r.number, r.stage]));
}

const retentionEvents = (model: string) =>
  db.auditEvent.findMany({ where: { modelName: model, action: 'version.archived', actorLabel: RETENTION_RULE.label }, orderBy: { id: 'asc' }, select: { versionNumber: true, comment: true, data: true, fromStage: true, toStage: true, actorId: true } });

/**
 * v1 Production-then-archived-then-restored (served Production), v2 Production, v3 Staging with a pending
 * request, v4 Testing with an alias, v5…v8 plain Testing.
 */
async function modelWithHistory() {
  const model = await seedModel({ owner: scientist, policy: policyWith(undefined) });
  await seedProductionVersion(model.name, { by: scientist });
  await seedProductionVersion(model.name, { by: scientist });
  await moveVersion(scientist, 'restore', { model: model.name, number: 1, comment: 'bring it back' });
  await seedPendingRequest(model.name, { by: scientist });
  await seedVersion(model.name, { by: scientist });
  await setAlias(scientist, { model: model.name, alias: 'challenger', number: 4 });
  for (let i = 0; i < 4; i++) await seedVersion(model.name, { by: scientist });
  return model.name;
}

describe('retention dry run (REST v1)', () => {
  it('shows what the saved rule would archive and why it keeps every other version; nothing changes', async () => {
    const model = await modelWithHistory();
    await updatePolicy(admin, { model, policy: policyWith({ archiveTestingOlderThanDays: 30, keepNewestTesting: 2 }) });
    inDays(40);
    const res = await call(previewRoute.GET, { params: { name: model }, token: viewerToken });
    expect(res.status).toBe(200);
    const body = res.json as { rule: unknown; archive: { number: number; reason: string; ageDays: number }[]; kept: { number: number; reason: string; detail: string }[] };
    expect(body.rule).toEqual({ archiveTestingOlderThanDays: 30, keepNewestTesting: 2 });
    expect(body.archive.map((a) => a.number)).toEqual([5, 6]);
    expect(body).toMatchObject({ archiveCount: 2, keptCount: 6 });
    expect(body.archive[0]).toMatchObject({ ageDays: 40, reason: 'older than 30 days (40 days in Testing), beyond the newest 2 Testing versions' });
    expect(body.kept.map((k) => [k.number, k.reason])).toEqual([
      [8, 'newest'],
      [7, 'newest'],
      [4, 'alias'],
      [3, 'pending-request'],
      [2, 'stage'],
      [1, 'served-production'],
    ]);
    expect(body.kept.find((k) => k.number === 4)!.detail).toBe('the alias @challenger points at it');
    expect((await stages(model))[5]).toBe('testing');
  });

  it('previews a proposed rule (POST) before it is saved, and an empty answer without a rule', async () => {
    const model = await modelWithHistory();
    const none = await call(previewRoute.GET, { params: { name: model }, token: viewerToken });
    expect(none.json).toMatchObject({ rule: null, archive: [], archiveCount: 0, kept: [], keptCount: 0 });
    inDays(10);
    const res = await call(previewRoute.POST, { method: 'POST', params: { name: model }, token: viewerToken, body: { rule: { keepNewestTesting: 1 } } });
    expect(res.status).toBe(200);
    expect((res.json as { archive: { number: number }[] }).archive.map((a) => a.number)).toEqual([5, 6, 7]);
    // Boundaries of the day count: registered seconds before "now" moved 10 days on, they are older than
    // 10 days (10 days and some seconds) but not older than 11.
    const ten = await call(previewRoute.POST, { method: 'POST', params: { name: model }, token: viewerToken, body: { rule: { archiveTestingOlderThanDays: 10 } } });
    expect((ten.json as { archive: { number: number }[] }).archive.map((a) => a.number)).toEqual([5, 6, 7, 8]);
    const eleven = await call(previewRoute.POST, { method: 'POST', params: { name: model }, token: viewerToken, body: { rule: { archiveTestingOlderThanDays: 11 } } });
    expect((eleven.json as { archive: unknown[] }).archive).toEqual([]);
  });

  it('answers bad rules with 400 and a message that says what to fix', async () => {
    const model = await modelWithHistory();
    const cases: [unknown, string][] = [
      [{}, 'needs a number of days'],
      [{ archiveTestingOlderThanDays: 0 }, 'At least 1 day'],
      [{ archiveTestingOlderThanDays: 2.5 }, 'whole number of days'],
      [{ keepNewestTesting: -3 }, 'At least 0'],
      [{ keepNewestTesting: '5' }, 'whole number of versions'],
    ];
    for (const [rule, message] of cases) {
      const res = await call(previewRoute.POST, { method: 'POST', params: { name: model }, token: viewerToken, body: { rule } });
      expect(res.status, JSON.stringify(rule)).toBe(400);
      expect(JSON.stringify(res.json)).toContain(message);
    }
    const missing = await call(previewRoute.GET, { params: { name: 'no-such-model-here' }, token: viewerToken });
    expect(missing.status).toBe(404);
    // The policy editor's save validates the same rule.
    const save = await call(policyRoute.PUT, { method: 'PUT', params: { model }, token: adminToken, body: { policy: policyWith({ archiveTestingOlderThanDays: 0 }) } });
    expect(save.status).toBe(400);
    expect(JSON.stringify(save.json)).toContain('At least 1 day');
  });
});

describe('Run now (REST v1)', () => {
  it('archives what the preview showed, each version audited as the retention rule with its reason and who ran it', async () => {
    const model = await modelWithHistory();
    await updatePolicy(admin, { model, policy: policyWith({ keepNewestTesting: 2 }) });
    const res = await call(runRoute.POST, { method: 'POST', params: { name: model }, token: adminToken, body: { expectedArchive: [5, 6] } });
    expect(res.status).toBe(200);
    expect((res.json as { archived: { number: number }[] }).archived.map((a) => a.number)).toEqual([5, 6]);
    expect(await stages(model)).toEqual({ 1: 'testing', 2: 'production', 3: 'staging', 4: 'testing', 5: 'archived', 6: 'archived', 7: 'testing', 8: 'testing' });
    const events = await retentionEvents(model);
    expect(events.map((e) => e.versionNumber)).toEqual([5, 6]);
    expect(events[0]).toMatchObject({ actorId: null, fromStage: 'testing', toStage: 'archived', comment: expect.stringMatching(/^retention: beyond the newest 2 Testing versions \(policy; run now by admin-.*@test\.example/) });
    expect(events[0]!.data).toMatchObject({ retention: { rule: { keepNewestTesting: 2 }, runBy: expect.stringContaining(admin.label) } });
    // Nothing left to do: a second run archives nothing and writes nothing.
    const again = await call(runRoute.POST, { method: 'POST', params: { name: model }, token: adminToken, body: {} });
    expect((again.json as { archived: unknown[] }).archived).toEqual([]);
    expect(await retentionEvents(model)).toHaveLength(2);
  });

  it('refuses a stale preview (409), a model without a rule (400), and anyone who may not edit policies (403)', async () => {
    const model = await modelWithHistory();
    const norule = await call(runRoute.POST, { method: 'POST', params: { name: model }, token: adminToken, body: {} });
    expect(norule.status).toBe(400);
    expect(JSON.stringify(norule.json)).toContain('has no retention rule');
    await updatePolicy(admin, { model, policy: policyWith({ keepNewestTesting: 2 }) });
    const stale = await call(runRoute.POST, { method: 'POST', params: { name: model }, token: adminToken, body: { expectedArchive: [5] } });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.json)).toContain('would now archive v5, v6');
    expect((await call(runRoute.POST, { method: 'POST', params: { name: model }, token: scientistToken, body: {} })).status).toBe(403);
    expect((await call(runRoute.POST, { method: 'POST', params: { name: model }, token: adminToken, body: { expectedArchive: ['v5'] } })).status).toBe(400);
    expect((await stages(model))[5]).toBe('testing');
    expect(await retentionEvents(model)).toHaveLength(0);
  });
});

describe('a long-neglected model', () => {
  it('is archived in batches of short transactions, all of it in one run, and the dry run caps its lists', async () => {
    const model = await seedModel({ owner: scientist, policy: policyWith({ keepNewestTesting: 2 }) });
    for (let i = 0; i < 215; i++) await register(scientist, model.name);
    const preview = (await call(previewRoute.GET, { params: { name: model.name }, token: viewerToken })).json as { archive: unknown[]; archiveCount: number; kept: unknown[]; keptCount: number };
    expect(preview).toMatchObject({ archiveCount: 213, keptCount: 2 });
    expect(preview.archive).toHaveLength(200);
    const res = await call(runRoute.POST, { method: 'POST', params: { name: model.name }, token: adminToken, body: {} });
    expect((res.json as { archived: unknown[] }).archived).toHaveLength(213);
    expect(await retentionEvents(model.name)).toHaveLength(213);
    expect(Object.values(await stages(model.name)).filter((s) => s === 'testing')).toHaveLength(2);
  }, 60_000);
});

describe('the policy keeps, replaces or removes its retention rule', () => {
  it('keeps the saved rule when a save leaves it out, and removes it on null', async () => {
    const model = await seedModel({ owner: scientist, policy: policyWith({ keepNewestTesting: 3 }) });
    await updatePolicy(admin, { model: model.name, policy: { staging: [], production: [] } });
    const kept = await call(policyRoute.GET, { params: { model: model.name }, token: adminToken });
    expect((kept.json as { policy: Policy }).policy.retention).toEqual({ keepNewestTesting: 3 });
    await updatePolicy(admin, { model: model.name, policy: { staging: [], production: [], retention: null } });
    const removed = await call(policyRoute.GET, { params: { model: model.name }, token: adminToken });
    expect((removed.json as { policy: Policy }).policy).not.toHaveProperty('retention');
  });
});

describe('the scheduled pass', () => {
  it('visits every model with a rule, and leaves models without one alone', async () => {
    const withRule = await modelWithHistory();
    const without = await modelWithHistory();
    await updatePolicy(admin, { model: withRule, policy: policyWith({ archiveTestingOlderThanDays: 30 }) });
    inDays(31);
    await applyRetentionPass();
    expect(Object.values(await stages(withRule)).filter((s) => s === 'archived')).toHaveLength(4);
    expect((await stages(withRule))[4]).toBe('testing'); // the alias keeps it
    expect(Object.values(await stages(without))).not.toContain('archived');
    const events = await retentionEvents(withRule);
    expect(events.map((e) => e.versionNumber)).toEqual([5, 6, 7, 8]);
    expect(events[0]!.comment).toBe('retention: older than 30 days (31 days in Testing) (policy)');
  });

  it('racing passes (two instances, a retry, Run now) archive each version once and audit it once', async () => {
    const model = await modelWithHistory();
    await updatePolicy(admin, { model, policy: policyWith({ keepNewestTesting: 0 }) });
    const modelId = (await db.registeredModel.findUniqueOrThrow({ where: { name: model }, select: { id: true } })).id;
    const results = await Promise.all([applyRetentionPass(), applyRetentionPass(), applyRetentionToModel(modelId), applyRetentionToModel(modelId, { runBy: FIXTURES_ADMIN.label })]);
    expect(results).toHaveLength(4);
    const events = await retentionEvents(model);
    expect(events.map((e) => e.versionNumber).sort()).toEqual([5, 6, 7, 8]);
    expect(Object.values(await stages(model)).filter((s) => s === 'archived')).toHaveLength(4);
  });

  it('a promotion racing the pass wins or loses whole: never promoted and archived, never audited for a move it did not make', async () => {
    for (let round = 0; round < 4; round++) {
      const model = await seedModel({ owner: scientist, policy: policyWith({ keepNewestTesting: 0 }) });
      const { number } = await seedVersion(model.name, { by: scientist });
      const modelId = (await db.registeredModel.findUniqueOrThrow({ where: { name: model.name }, select: { id: true } })).id;
      const [promoted, pass] = await Promise.allSettled([moveVersion(scientist, 'promote', { model: model.name, number, expectedStage: 'testing' }), applyRetentionToModel(modelId)]);
      const stage = (await stages(model.name))[number];
      const archivedEvents = await retentionEvents(model.name);
      if (stage === 'staging') {
        expect(promoted.status).toBe('fulfilled');
        expect(archivedEvents).toHaveLength(0);
      } else {
        expect(stage).toBe('archived');
        expect(promoted.status).toBe('rejected');
        expect(archivedEvents).toHaveLength(1);
      }
      expect(pass.status).toBe('fulfilled');
    }
  });
});

describe('on the job queue (graphile-worker)', () => {
  it('is scheduled hourly as retention_pass, with no catching up and one waiting tick at most', () => {
    const item = SCHEDULE.find((s) => s.task === 'retention_pass');
    expect(item).toMatchObject({ identifier: 'retention_pass', match: '0 * * * *', options: { backfillPeriod: 0, jobKey: 'retention_pass' } });
    expect(() => parseCronItems(SCHEDULE)).not.toThrow();
  });

  it('a queued pass run by two runners at once (a tick seen twice, a retry) archives and audits each version once', async () => {
    const model = await modelWithHistory();
    await updatePolicy(admin, { model, policy: policyWith({ keepNewestTesting: 1 }) });
    await enqueueJob(db, 'retention_pass', {});
    await enqueueJob(db, 'retention_pass', {});
    await Promise.all([runQueuedJobs(['retention_pass']), runQueuedJobs(['retention_pass'])]);
    expect((await retentionEvents(model)).map((e) => e.versionNumber).sort()).toEqual([5, 6, 7]);
    expect((await retentionEvents(model))[0]!.comment).toBe('retention: beyond the newest 1 Testing version (policy)');
  });

  it('refuses a payload it does not understand', async () => {
    await expect(retentionPass({ _cron: 'yesterday' })).rejects.toThrow(/unexpected payload/);
  });

  it('two app instances scheduling the same ticks: the database lets one queue each tick, and every version is archived once', async () => {
    const model = await modelWithHistory();
    await updatePolicy(admin, { model, policy: policyWith({ keepNewestTesting: 0 }) });
    // Ten minutes of missed every-minute ticks, which both instances try to catch up on as they start.
    const identifier = `retention_race_${Date.now()}`;
    await db.$executeRaw`INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since, last_execution) VALUES (${identifier}, now() - interval '10 minutes', now() - interval '10 minutes')`;
    const ticks: string[] = [];
    const taskList: TaskList = {
      retention_pass: async (payload) => {
        ticks.push((payload as { _cron: { ts: string } })._cron.ts);
        await retentionPass(payload);
      },
    };
    const cron = parseCronItems([{ task: 'retention_pass', identifier, match: '* * * * *', options: { backfillPeriod: 11 * 60_000 } }]);
    const start = () => run({ connectionString: process.env.DATABASE_URL, concurrency: 1, noHandleSignals: true, pollInterval: 200, logger: jobLogger, taskList, parsedCronItems: cron });
    const runners = await Promise.all([start(), start()]);
    try {
      const waiting = async () => Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'retention_pass'`)[0]!.n);
      const deadline = Date.now() + 30_000;
      while ((ticks.length < 10 || (await waiting()) > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }
    expect(ticks.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ticks).size, 'each tick queued once').toBe(ticks.length);
    expect((await retentionEvents(model)).map((e) => e.versionNumber).sort()).toEqual([5, 6, 7, 8]); // v4: the alias keeps it
  }, 60_000);
});

