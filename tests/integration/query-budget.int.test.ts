// How many statements the hot paths send to Postgres (BEGIN and COMMIT included). Each one is a round
// trip and a turn through Prisma; these budgets catch a change that quietly adds some back.
import { beforeAll, describe, expect, it } from 'vitest';
import * as versionsRoute from '@/app/api/v1/models/[name]/versions/route';
import * as resolveRoute from '@/app/api/v1/models/[name]/resolve/route';
import { actorFromToken } from '@/lib/auth/api-token';
import type { Actor } from '@/lib/services/actor';
import { decideRequest } from '@/lib/services/decide-request';
import { moveVersion } from '@/lib/services/move-version';
import { requestProduction } from '@/lib/services/request-production';
import { rollbackModel } from '@/lib/services/rollback-model';
import { DEFAULT_CARD_SECTIONS } from '@/lib/registry';
import { registerVersion } from '@/lib/services/register-version';
import { call } from './api-client';
import { as, mlflowUser } from './mlflow-client';
import { seedModel, seedToken, seedUser, versionInput } from '../fixtures';
import { countQueries } from './query-counter';

let admin: Actor, scientist: Actor, approver: Actor, token: string, model: string;
// Before the passes of issue 15 an approval that deploys sent 35 statements and a rollback 24 (docs/benchmarks.md), then
// 20 and 21; with the lock-then-read and swap functions (migration 20261201173000_production_change_round_trips) 7 and 5:
// BEGIN, lock + read, (lock model + gates,) decision + event, swap, event + its writes, COMMIT.
const APPROVE_BUDGET = 7;
const ROLLBACK_BUDGET = 5;
const digest = (n: number) => `sha256:${String(n).padStart(64, '0')}`;

beforeAll(async () => {
  [admin, scientist, approver] = await Promise.all([seedUser({ role: 'admin' }), seedUser({ role: 'scientist' }), seedUser({ role: 'approver' })]);
  token = await seedToken(scientist);
  model = (await seedModel({ owner: scientist })).name;
  await registerVersion(scientist, versionInput(model, { artifactDigest: digest(1) }));
  // The first use stamps the token's last use (once a minute); the budgets are for the calls after it.
  await actorFromToken(token);
});

describe('statements per call', () => {
  it('a bearer token lookup: one query, owner, model and grants joined in', async () => {
    expect((await countQueries(() => actorFromToken(token))).count).toBe(1);
  });

  it('a registration: what is known, then the version, its children and audit event with the lock and number, in one statement', async () => {
    const plain = await countQueries(() => registerVersion(scientist, versionInput(model, { artifactDigest: digest(2) })));
    expect(plain.statements).toHaveLength(2);
    const idempotent = await countQueries(() => registerVersion(scientist, versionInput(model, { artifactDigest: digest(3) }), { idempotencyKey: 'k', dedupeByDigest: true }));
    expect(idempotent.count).toBe(2);
    // No interactive transaction: the write is one statement, its own transaction.
    expect(plain.statements.some((sql) => /^\s*(BEGIN|COMMIT)/i.test(sql))).toBe(false);
  });

  it('a registration over REST v1, token and response included', async () => {
    const body = { dataVersion: 'd', artifactUri: 's3://b/x', artifactDigest: digest(4), metrics: [{ key: 'auc', value: 0.9 }] };
    const created = await countQueries(() => call(versionsRoute.POST, { method: 'POST', params: { name: model }, token, body }));
    expect(created.result.status).toBe(201);
    expect(created.count).toBeLessThanOrEqual(3);
  });

  it('a registration through MLflow create-model-version', async () => {
    const user = await mlflowUser(admin, 'scientist');
    const name = (await seedModel({ owner: user.actor })).name;
    await as(user.bearer).get('registered-models/get', { name });
    const created = await countQueries(() => as(user.bearer).post('model-versions/create', { name, source: 's3://b/m' }));
    expect(created.result.status).toBe(200);
    expect(created.count).toBeLessThanOrEqual(3);
  });

  it('a resolve: the token and one lookup', async () => {
    await moveVersion(scientist, 'promote', { model, number: 1 });
    const resolved = await countQueries(() => call(resolveRoute.GET, { url: 'http://localhost/api?stage=staging', params: { name: model }, token }));
    expect(resolved.result).toMatchObject({ status: 200, json: { version: 1 } });
    expect(resolved.count).toBe(2);
  });

  it('the approval that deploys, and a rollback: each governed change in a bounded number of statements', async () => {
    const governed = (await seedModel({ owner: scientist })).name;
    const card = DEFAULT_CARD_SECTIONS.map((section) => `## ${section}\nFilled in.`).join('\n\n');
    const staged = async (n: number) => {
      const v = await registerVersion(scientist, versionInput(governed, { artifactDigest: digest(100 + n), trainingDataHash: 'sha256:data', codeCommit: 'abc', modelCard: card, metrics: [{ key: 'auc', value: 0.9 + n / 100 }] }));
      await moveVersion(scientist, 'promote', { model: governed, number: v.number });
      return (await requestProduction(scientist, { model: governed, number: v.number, comment: 'ship it' })).request.id;
    };
    const first = await countQueries(async () => decideRequest(approver, { requestId: await staged(1), decision: 'approve' }));
    expect(first.result).toMatchObject({ deployed: true });
    const requestId = await staged(2);
    const second = await countQueries(() => decideRequest(approver, { requestId, decision: 'approve' }));
    expect(second.result).toMatchObject({ deployed: true });
    expect(second.count, second.statements.join('\n')).toBeLessThanOrEqual(APPROVE_BUDGET);
    const rollback = await countQueries(() => rollbackModel(approver, { model: governed, reason: 'budget check' }));
    expect(rollback.result).toMatchObject({ restored: { number: 1 }, failed: { number: 2 } });
    expect(rollback.count, rollback.statements.join('\n')).toBeLessThanOrEqual(ROLLBACK_BUDGET);
  });
});
