// How many statements the hot paths send to Postgres (BEGIN and COMMIT included). Each one is a round
// trip and a turn through Prisma; these budgets catch a change that quietly adds some back.
import { beforeAll, describe, expect, it } from 'vitest';
import * as resolveRoute from '@/app/api/v1/models/[name]/resolve/route';
import { actorFromToken } from '@/lib/auth/api-token';
import type { Actor } from '@/lib/services/actor';
import { createApiToken } from '@/lib/services/manage-tokens';
import { moveVersion } from '@/lib/services/move-version';
import { registerVersion } from '@/lib/services/register-version';
import { call } from './api-client';
import { makeActor, makeModel, versionInput } from './fixtures';
import { countQueries } from './query-counter';

let admin: Actor, scientist: Actor, token: string, model: string;
const digest = (n: number) => `sha256:${String(n).padStart(64, '0')}`;

beforeAll(async () => {
  [admin, scientist] = await Promise.all([makeActor('admin'), makeActor('scientist')]);
  token = (await createApiToken(admin, { name: 'budget', ownerId: scientist.id!, role: 'scientist' })).token;
  model = (await makeModel(scientist)).name;
  await registerVersion(scientist, versionInput(model, { artifactDigest: digest(1) }));
  // The first use stamps the token's last use (once a minute); the budgets are for the calls after it.
  await actorFromToken(token);
});

describe('statements per call', () => {
  it('a bearer token lookup: one query, owner, model and grants joined in', async () => {
    expect((await countQueries(() => actorFromToken(token))).count).toBe(1);
  });

  it('a resolve: the token and one lookup', async () => {
    await moveVersion(scientist, 'promote', { model, number: 1 });
    const resolved = await countQueries(() => call(resolveRoute.GET, { url: 'http://localhost/api?stage=staging', params: { name: model }, token }));
    expect(resolved.result).toMatchObject({ status: 200, json: { version: 1 } });
    expect(resolved.count).toBe(2);
  });
});
