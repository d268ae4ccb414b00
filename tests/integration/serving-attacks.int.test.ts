// Issue 12 item 2, reproduced as an attacker would: one approver, no approved request, and traffic anyway.
import { beforeAll, describe, expect, it } from 'vitest';
import * as aliasRoute from '@/app/api/v1/models/[name]/aliases/[alias]/route';
import * as resolveRoute from '@/app/api/v1/models/[name]/resolve/route';
import * as routeRoute from '@/app/api/v1/models/[name]/route/route';
import * as trafficRoute from '@/app/api/v1/models/[name]/traffic/route';
import { db } from '@/lib/db/prisma';
import { inTransaction } from '@/lib/db/transaction';
import { DEFAULT_CARD_SECTIONS } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { decideRequest } from '@/lib/services/decide-request';
import { moveVersion } from '@/lib/services/move-version';
import { requestProduction } from '@/lib/services/request-production';
import { call } from './api-client';
import { as, mlflowUser } from './mlflow-client';
import { makeActor, makeModel, register, tokenFor } from './fixtures';

const CARD = DEFAULT_CARD_SECTIONS.map((s) => `## ${s}\ntext`).join('\n');
let scientist: Actor, approver: Actor, approverToken: string, viewerToken: string;

beforeAll(async () => {
  [scientist, approver] = await Promise.all([makeActor('scientist'), makeActor('approver')]);
  approverToken = await tokenFor(approver, { name: 'one approver', role: 'approver' });
  viewerToken = await tokenFor(await makeActor('viewer'), { name: 'serving', role: 'viewer' });
});

/** v1 in Production (approved), v2 in Staging with a pending request (0/1 approvals), v3 in Testing. */
async function servedModel() {
  const model = await makeModel(scientist);
  const full = { trainingDataHash: 'h', codeCommit: 'c', modelCard: CARD };
  for (let i = 1; i <= 3; i++) await register(scientist, model.name, full);
  await moveVersion(scientist, 'promote', { model: model.name, number: 1 });
  const { request } = await requestProduction(scientist, { model: model.name, number: 1, comment: 'first release' });
  await decideRequest(approver, { requestId: request.id, decision: 'approve' });
  await moveVersion(scientist, 'promote', { model: model.name, number: 2 });
  await requestProduction(scientist, { model: model.name, number: 2, comment: 'candidate' });
  return model;
}

const resolveAlias = (model: string, alias: string) => call(resolveRoute.GET, { url: `http://localhost/api?alias=${alias}`, params: { name: model }, token: viewerToken });

describe('one approver cannot serve an unapproved version', () => {
  it('refuses @champion on a Testing version, and resolve never serves one', async () => {
    const model = await servedModel();
    const put = await call(aliasRoute.PUT, { method: 'PUT', params: { name: model.name, alias: 'champion' }, token: approverToken, body: { version: 3 } });
    expect(put).toMatchObject({ status: 422, json: { error: { code: 'GATE_FAILED', message: expect.stringContaining('Production') } } });
    const resolved = await resolveAlias(model.name, 'champion');
    expect((resolved.json as { version?: number }).version).not.toBe(3);
  });

  it('refuses @champion on a Staging version whose Production request has 0/1 approvals', async () => {
    const model = await servedModel();
    const put = await call(aliasRoute.PUT, { method: 'PUT', params: { name: model.name, alias: 'champion' }, token: approverToken, body: { version: 2 } });
    expect(put.status).toBe(422);
  });

  it('refuses a 99 % split to an unapproved Staging version, and route keeps serving Production', async () => {
    const model = await servedModel();
    const put = await call(trafficRoute.PUT, { method: 'PUT', params: { name: model.name }, token: approverToken, body: { routes: [{ version: 1, weight: 1 }, { version: 2, weight: 99 }] } });
    expect(put).toMatchObject({ status: 422, json: { error: { code: 'GATE_FAILED' } } });
    const served = new Set<number>();
    for (let i = 0; i < 200; i++) served.add(((await call(routeRoute.GET, { url: `http://localhost/api?key=user-${i}`, params: { name: model.name }, token: viewerToken })).json as { version: number }).version);
    expect([...served]).toEqual([1]);
  });

  it('refuses @champion on a Testing version through the MLflow API', async () => {
    const model = await servedModel();
    const admin = await makeActor('admin');
    const mlflowApprover = await mlflowUser(admin, 'approver');
    const reply = await as(mlflowApprover.bearer).post('registered-models/alias', { name: model.name, alias: 'champion', version: '3' });
    expect(reply).toMatchObject({ status: 400, json: { error_code: 'INVALID_STATE' } });
    expect((await as(mlflowApprover.bearer).get('registered-models/alias', { name: model.name, alias: 'champion' })).status).toBe(400);
  });

  it('the database itself refuses a protected alias on a version that is neither Production nor an approved canary', async () => {
    const model = await servedModel();
    const testing = await db.modelVersion.findFirstOrThrow({ where: { modelId: model.id, number: 3 } });
    await expect(db.$executeRaw`INSERT INTO "model_alias" ("model_id", "alias", "version_id", "updated_at") VALUES (${model.id}, 'champion', ${testing.id}, now())`).rejects.toThrow(/serving_guard|may serve/);
    expect(await db.modelAlias.count({ where: { modelId: model.id } })).toBe(0);
    // Through Prisma in a transaction, as a service that forgot the rule would: refused at commit, as a 409.
    const forgetful = inTransaction((tx) => tx.modelAlias.create({ data: { modelId: model.id, alias: 'Champion', versionId: testing.id } }));
    await expect(forgetful).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('@Champion may serve only the Production version') });
    // An alias nobody protects may point anywhere.
    await db.$executeRaw`INSERT INTO "model_alias" ("model_id", "alias", "version_id", "updated_at") VALUES (${model.id}, 'nightly', ${testing.id}, now())`;
  });
});
