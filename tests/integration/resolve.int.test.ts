// Resolve answers every case from one query: the version, a model with nothing to serve, no model at all.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/services/actor';
import { resolveVersion } from '@/lib/api-v1/resolve';
import { moveVersion } from '@/lib/services/move-version';
import { setAlias } from '@/lib/services/set-alias';
import { register, seedModel, seedUser, uniqueName } from '../fixtures';

let scientist: Actor;

beforeAll(async () => {
  scientist = await seedUser({ role: 'scientist' });
});

describe('resolve', () => {
  it('gives the newest version in a stage, and the aliased version', async () => {
    const model = await seedModel({ owner: scientist });
    const v1 = await register(scientist, model.name, { artifactUri: 's3://one' });
    const v2 = await register(scientist, model.name, { artifactUri: 's3://two' });
    for (const v of [v1, v2]) await moveVersion(scientist, 'promote', { model: model.name, number: v.number });
    await setAlias(scientist, { model: model.name, alias: 'canary', number: v1.number });
    expect(await resolveVersion(model.name, { stage: 'staging' })).toEqual({
      model: model.name,
      version: 2,
      semver: v2.semver,
      stage: 'staging',
      artifactUri: 's3://two',
      artifactDigest: v2.artifactDigest,
      since: expect.stringMatching(/Z$/),
    });
    expect(await resolveVersion(model.name, { alias: 'canary' })).toMatchObject({ version: 1, artifactUri: 's3://one', stage: 'staging' });
  });

  it('tells a model with nothing to serve from a model that does not exist', async () => {
    const model = await seedModel({ owner: scientist });
    await register(scientist, model.name);
    await expect(resolveVersion(model.name, { stage: 'production' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `${model.name} has no version in production.` });
    await expect(resolveVersion(model.name, { alias: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `${model.name} has no version with the alias "nope".` });
    const missing = uniqueName('missing');
    await expect(resolveVersion(missing, { stage: 'production' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `No model named "${missing}".` });
    await expect(resolveVersion(missing, { alias: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `No model named "${missing}".` });
  });
});
