// Property-based, for the MLflow API: whatever filter, order_by, tag or parameter an MLflow client
// sends, the answer is MLflow's error body or a result, never a 5xx (MLflow 3 clients retry every 5xx
// for minutes). Names that live on every JavaScript object ("constructor", "__proto__") get extra care:
// looked up in a plain object they find Object.prototype's members instead of nothing.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/services/actor';
import { as, mlflowUser, type MlflowUser } from './mlflow-client';
import { seedUser, uniqueName } from '../fixtures';

let admin: Actor;
let scientist: MlflowUser;
let model: string;
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];

const ds = () => as(scientist.bearer);

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  scientist = await mlflowUser(admin, 'scientist');
  model = uniqueName('fuzz');
  await ds().post('registered-models/create', { name: model });
  await ds().post('model-versions/create', { name: model, source: 's3://fuzz/1' });
});

const expectMlflowAnswer = (reply: { status: number; json: unknown }, what: string) => {
  expect(reply.status, what).toBeLessThan(500);
  if (reply.status >= 400) expect(reply.json, what).toMatchObject({ error_code: expect.any(String), message: expect.any(String) });
};

describe('keys that every JavaScript object has', () => {
  it.each(PROTOTYPE_KEYS)('order_by %s is a clean INVALID_PARAMETER_VALUE on both searches', async (key) => {
    for (const search of ['registered-models/search', 'model-versions/search']) {
      for (const clause of [key, `${key} DESC`, `attribute.${key}`, `\`${key}\` ASC`]) {
        const reply = await ds().get(search, { order_by: [clause] });
        expect(reply, `${search} order_by ${clause}`).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining(`Invalid order by key '${key}'`) } });
      }
    }
  });

  it.each(PROTOTYPE_KEYS)('filter attribute %s is a clean INVALID_PARAMETER_VALUE on both searches', async (key) => {
    for (const search of ['registered-models/search', 'model-versions/search']) {
      for (const filter of [`${key} = 'x'`, `attribute.${key} = 'x'`, `attribute.\`${key}\` != 'x'`, `${key} IN ('a')`, `${key} > 1`]) {
        const reply = await ds().get(search, { filter });
        expect(reply, `${search} filter ${filter}`).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining(`Invalid attribute key '${key}'`) } });
      }
    }
  });

  it.each(PROTOTYPE_KEYS)('a tag named %s is a plain tag: set, searched for and read back', async (key) => {
    expect((await ds().post('registered-models/set-tag', { name: model, key, value: 'v1' })).status).toBe(200);
    expect((await ds().post('model-versions/set-tag', { name: model, version: '1', key, value: 'v2' })).status).toBe(200);
    const models = await ds().get('registered-models/search', { filter: `name = '${model}' AND tags.\`${key}\` = 'v1'` });
    expect(models.json.registered_models?.map((m: { name: string }) => m.name)).toEqual([model]);
    const versions = await ds().get('model-versions/search', { filter: `name = '${model}' AND tags.${key} = 'v2'` });
    expect(versions.json.model_versions?.map((v: { version: string }) => v.version)).toEqual(['1']);
    const created = await ds().post('model-versions/create', { name: model, source: `s3://fuzz/${key}`, tags: [{ key, value: 'at-registration' }] });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect(created.json.model_version.tags).toContainEqual({ key, value: 'at-registration' });
    const read = await ds().get('registered-models/get', { name: model });
    expect(read.json.registered_model.tags).toContainEqual({ key, value: 'v1' });
  });

  it('request fields named like Object.prototype members are ignored, as unknown fields are', async () => {
    const reply = await ds().post('registered-models/create', { name: uniqueName('fuzz-proto'), constructor: 'x', __proto__: { admin: true }, toString: 1, hasOwnProperty: [] });
    expect(reply.status, JSON.stringify(reply.json)).toBe(200);
    const raw = await as(scientist.bearer).get('registered-models/get', { name: model, constructor: 'x', __proto__: 'y' });
    expect(raw.status).toBe(200);
  });
});

const identifier = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'name', 'version_number', 'run_id', 'source_path', 'creation_timestamp', 'timestamp'), fc.string({ maxLength: 12 }));
const entity = fc.constantFrom('', 'attribute.', 'tag.', 'tags.', 'metric.', 'param.');
const quoted = fc.oneof(identifier, identifier.map((k) => `\`${k}\``), identifier.map((k) => `"${k}"`));
const comparator = fc.constantFrom('=', '!=', '<>', '>', '>=', '<', '<=', 'LIKE', 'ILIKE', 'IN', 'NOT', 'NOT IN', '==');
const value = fc.oneof(fc.string({ maxLength: 10 }).map((s) => `'${s.replace(/'/g, "''")}'`), fc.integer().map(String), fc.constant("('a', 'b')"), fc.constant('()'), fc.string({ maxLength: 6 }));
const clause = fc.tuple(entity, quoted, comparator, value).map(([e, k, c, v]) => `${e}${k} ${c} ${v}`);
const filter = fc.oneof(fc.array(clause, { minLength: 1, maxLength: 3 }).map((cs) => cs.join(' AND ')), fc.string({ maxLength: 40 }));
const orderBy = fc.array(fc.tuple(fc.oneof(quoted, fc.tuple(entity, quoted).map(([e, k]) => `${e}${k}`)), fc.constantFrom('', ' ASC', ' DESC', ' desc', ' sideways')).map(([k, d]) => `${k}${d}`), { maxLength: 3 });

describe('fuzzed searches', () => {
  it('never answer 5xx, whatever the filter, order_by, max_results and page_token', async () => {
    for (const search of ['registered-models/search', 'model-versions/search']) {
      await fc.assert(
        fc.asyncProperty(filter, orderBy, fc.option(fc.integer({ min: -5, max: 300_000 })), fc.option(fc.oneof(fc.string({ maxLength: 30 }), fc.base64String({ maxLength: 40 }))), async (f, o, max, token) => {
          const params = { filter: f, ...(o.length > 0 ? { order_by: o } : {}), ...(max === null ? {} : { max_results: max }), ...(token === null ? {} : { page_token: token }) };
          expectMlflowAnswer(await ds().get(search, params), `${search} ${JSON.stringify(params)}`);
        }),
        { numRuns: RUNS },
      );
    }
  }, 120_000);

  it('never answer 5xx to fuzzed tag keys and values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 300 })), fc.oneof(fc.string({ maxLength: 50 }), fc.constant(null), fc.integer()), async (key, tagValue) => {
        expectMlflowAnswer(await ds().post('registered-models/set-tag', { name: model, key, value: tagValue }), `set-tag ${key}`);
        expectMlflowAnswer(await ds().post('model-versions/set-tag', { name: model, version: '1', key, value: tagValue }), `version set-tag ${key}`);
        expectMlflowAnswer(await ds().get('registered-models/alias', { name: model, alias: key }), `alias ${key}`);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
