// How many statements the hot paths send to Postgres (BEGIN and COMMIT included). Each one is a round
// trip and a turn through Prisma; these budgets catch a change that quietly adds some back.
import { beforeAll, describe, expect, it } from 'vitest';
import { actorFromToken } from '@/lib/auth/api-token';
import type { Actor } from '@/lib/services/actor';
import { createApiToken } from '@/lib/services/manage-tokens';
import { makeActor } from './fixtures';
import { countQueries } from './query-counter';

let admin: Actor, scientist: Actor, token: string;

beforeAll(async () => {
  [admin, scientist] = await Promise.all([makeActor('admin'), makeActor('scientist')]);
  token = (await createApiToken(admin, { name: 'budget', ownerId: scientist.id!, role: 'scientist' })).token;
  // The first use stamps the token's last use (once a minute); the budgets are for the calls after it.
  await actorFromToken(token);
});

describe('statements per call', () => {
  it('a bearer token lookup: one query, owner, model and grants joined in', async () => {
    expect((await countQueries(() => actorFromToken(token))).count).toBe(1);
  });
});
