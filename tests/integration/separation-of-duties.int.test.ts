// Four eyes: nobody approves a promotion they requested or (unless the policy says so) authored — not
// through a token minted in a colleague's name, not through a service account, not straight in SQL.
import { beforeAll, describe, expect, it } from 'vitest';
import * as approveRoute from '@/app/api/v1/promotion-requests/[id]/approve/route';
import * as promoteRoute from '@/app/api/v1/models/[name]/versions/[number]/promote/route';
import * as requestRoute from '@/app/api/v1/models/[name]/versions/[number]/promotion-requests/route';
import * as versionsRoute from '@/app/api/v1/models/[name]/versions/route';
import { generateToken } from '@/lib/auth/api-token';
import { db } from '@/lib/db/prisma';
import { DEFAULT_CARD_SECTIONS, DEFAULT_POLICY } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { decideRequest } from '@/lib/services/decide-request';
import { createApiToken } from '@/lib/services/create-api-token';
import { moveVersion } from '@/lib/services/move-version';
import { overrideToProduction } from '@/lib/services/override-production';
import { requestProduction } from '@/lib/services/request-production';
import { updatePolicy } from '@/lib/services/update-policy';
import { call } from './api-client';
import { makeActor, makeModel, register, tokenFor, uniqueName, versionInput } from './fixtures';
import { asOwner } from './owner-sql';

let scientist: Actor, approverA: Actor, approverB: Actor, admin: Actor;
const CARD = DEFAULT_CARD_SECTIONS.map((s) => `## ${s}\nFilled in.`).join('\n\n');
const COMPLETE = { trainingDataHash: 'sha256:data', codeCommit: 'abc123', modelCard: CARD };

beforeAll(async () => {
  [scientist, approverA, approverB, admin] = await Promise.all([makeActor('scientist'), makeActor('approver'), makeActor('approver'), makeActor('admin')]);
});

/** A Staging version of a new model registered by `author`, and a Production request for it by `requester`. */
async function pendingRequest(author: Actor, requester: Actor) {
  const model = await makeModel(scientist);
  const v = await register(author, model.name, COMPLETE);
  await moveVersion(author, 'promote', { model: model.name, number: v.number });
  const { request } = await requestProduction(requester, { model: model.name, number: v.number, comment: 'ship it' });
  return { model, version: v, request };
}

const stageOf = async (versionId: string) => (await db.modelVersion.findUniqueOrThrow({ where: { id: versionId } })).stage;

describe('tokens belong to whoever created them', () => {
  it('refuses to mint a token owned by another person', async () => {
    await expect(createApiToken(admin, { name: 'in their name', role: 'approver', ownerId: approverA.id! } as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const { record } = await createApiToken(admin, { name: 'mine', role: 'approver' });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: record.id } })).ownerId).toBe(admin.id);
  });

  it('does not let an admin approve their own request through a token held in a colleague\'s name', async () => {
    // Such tokens exist from before this rule (and SQL cannot create new ones, see below): they cannot approve.
    const { request, version } = await pendingRequest(scientist, admin);
    const { token, hash, prefix } = generateToken();
    // Only the owner of the table can lift its trigger (the app's role cannot: database-roles.int.test.ts).
    await asOwner(
      'ALTER TABLE "api_token" DISABLE TRIGGER USER',
      [`INSERT INTO api_token (id, name, owner_id, created_by_id, role, token_hash, prefix) VALUES (gen_random_uuid()::text, 'legacy', $1, $2, 'approver', $3, $4)`, [approverA.id, admin.id, hash, prefix]],
      'ALTER TABLE "api_token" ENABLE TRIGGER USER',
    );
    const answer = await call(approveRoute.POST, { method: 'POST', token, params: { id: request.id }, body: { comment: 'lgtm' } });
    expect(answer.status).toBe(403);
    expect(await stageOf(version.id)).toBe('staging');
  });

  it('refuses, in the database, a token whose owner is another person than its creator', async () => {
    const { hash, prefix } = generateToken();
    await expect(db.apiToken.create({ data: { name: 'sql', ownerId: approverA.id!, createdById: admin.id, role: 'approver', tokenHash: hash, prefix } })).rejects.toThrow();
  });
});

describe('the author of a version', () => {
  it('cannot approve its promotion, unless the policy allows it', async () => {
    const { model, version, request } = await pendingRequest(approverA, scientist);
    await expect(decideRequest(approverA, { requestId: request.id, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('registered') });
    expect(await stageOf(version.id)).toBe('staging');

    await updatePolicy(admin, { model: model.name, policy: { ...DEFAULT_POLICY, authorMayApprove: true } });
    await expect(decideRequest(approverA, { requestId: request.id, decision: 'approve' })).resolves.toMatchObject({ deployed: true });
  });

  it('stops counting the author\'s earlier approval once the policy no longer allows it', async () => {
    const model = await makeModel(scientist);
    const twoApprovals = [...DEFAULT_POLICY.production.filter((g) => g.kind !== 'approvals'), { kind: 'approvals' as const, count: 2 }];
    await updatePolicy(admin, { model: model.name, policy: { ...DEFAULT_POLICY, production: twoApprovals, authorMayApprove: true } });
    const v = await register(approverA, model.name, COMPLETE);
    await moveVersion(approverA, 'promote', { model: model.name, number: v.number });
    const { request } = await requestProduction(scientist, { model: model.name, number: v.number, comment: 'ship it' });
    await expect(decideRequest(approverA, { requestId: request.id, decision: 'approve' })).resolves.toMatchObject({ status: 'pending', approvals: 1 });
    await updatePolicy(admin, { model: model.name, policy: { ...DEFAULT_POLICY, production: twoApprovals, authorMayApprove: false } });
    await expect(decideRequest(approverB, { requestId: request.id, decision: 'approve' })).resolves.toMatchObject({ status: 'pending', approvals: 1 });
    expect(await stageOf(v.id)).toBe('staging');
  });
});

describe('an admin override', () => {
  it('stands in for the approvals, so neither the author nor the requester may make it', async () => {
    const { model, version } = await pendingRequest(admin, scientist);
    await expect(overrideToProduction(admin, { model: model.name, number: version.number, justification: 'Incident fix, no time to wait.' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('registered') });
    expect(await stageOf(version.id)).toBe('staging');
    const otherAdmin = await makeActor('admin');
    await expect(overrideToProduction(otherAdmin, { model: model.name, number: version.number, justification: 'Incident fix, approved by the change board.' })).resolves.toMatchObject({ deployed: true });
  });
});

describe('service accounts', () => {
  it('never approve, even with the approver role', async () => {
    const { request, version } = await pendingRequest(scientist, scientist);
    const { token } = await createApiToken(admin, { name: 'release bot', role: 'approver', serviceAccount: uniqueName('bot') });
    const answer = await call(approveRoute.POST, { method: 'POST', token, params: { id: request.id }, body: { comment: 'auto' } });
    expect(answer).toMatchObject({ status: 403, json: { error: { message: expect.stringContaining('ervice account') } } });
    expect(await stageOf(version.id)).toBe('staging');
    const bot = await db.user.findFirstOrThrow({ where: { tokens: { some: { name: 'release bot' } } } });
    await expect(db.approval.create({ data: { requestId: request.id, approverId: bot.id, decision: 'approve' } })).rejects.toThrow();
  });

  it('cannot be used by the admin who created its token to approve what it registered or requested', async () => {
    const model = await makeModel(scientist);
    const { token } = await createApiToken(admin, { name: 'pipeline', role: 'scientist', serviceAccount: uniqueName('pipeline') });
    const registered = await call(versionsRoute.POST, { method: 'POST', token, params: { name: model.name }, body: versionInput(model.name, COMPLETE) });
    expect(registered.status).toBe(201);
    const number = String((registered.json as { number: number }).number);
    const author = await db.modelVersion.findFirstOrThrow({ where: { modelId: model.id }, select: { createdBy: { select: { kind: true } }, createdViaTokenId: true } });
    expect(author).toMatchObject({ createdBy: { kind: 'service' }, createdViaTokenId: expect.any(String) });
    expect((await call(promoteRoute.POST, { method: 'POST', token, params: { name: model.name, number }, body: {} })).status).toBe(200);
    const requested = await call(requestRoute.POST, { method: 'POST', token, params: { name: model.name, number }, body: { comment: 'nightly' } });
    expect(requested.status).toBe(201);
    const requestId = (requested.json as { request: { id: string } }).request.id;
    await expect(decideRequest(admin, { requestId, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decideRequest(approverA, { requestId, decision: 'approve' })).resolves.toMatchObject({ deployed: true });
  });

  it('cannot sign in, hold a password, or be an admin', async () => {
    await createApiToken(admin, { name: 'ci', role: 'viewer', serviceAccount: 'ci-reader' });
    const account = await db.user.findFirstOrThrow({ where: { kind: 'service', name: 'ci-reader' } });
    await expect(db.user.update({ where: { id: account.id }, data: { passwordHash: 'x' } })).rejects.toThrow();
    await expect(db.user.update({ where: { id: account.id }, data: { role: 'admin' } })).rejects.toThrow();
    await expect(createApiToken(admin, { name: 'root', role: 'admin', serviceAccount: 'ci-root' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('an approver acting with their own token', () => {
  it('still approves others\' requests', async () => {
    const { request } = await pendingRequest(scientist, scientist);
    const token = await tokenFor(approverB);
    expect((await call(approveRoute.POST, { method: 'POST', token, params: { id: request.id }, body: {} })).json).toMatchObject({ status: 'approved' });
  });
});
