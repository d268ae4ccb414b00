import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { as, mlflowUser, type MlflowUser } from './mlflow-client';
import { seedUser, uniqueName } from '../fixtures';

let admin: Actor;
let scientist: MlflowUser;
const prefix = uniqueName('srch');
const names = ['alpha', 'beta', 'Gamma', 'delta', 'epsilon'].map((n) => `${prefix}-${n}`);

const ds = () => as(scientist.bearer);
const namesOf = (json: { registered_models?: { name: string }[] }) => (json.registered_models ?? []).map((m) => m.name);

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  scientist = await mlflowUser(admin, 'scientist');
  for (const [i, name] of names.entries()) {
    await ds().post('registered-models/create', { name, tags: [{ key: 'team', value: i % 2 ? 'risk' : 'growth' }, { key: 'owner group', value: `g${i}` }] });
    for (let v = 1; v <= i; v++) {
      await ds().post('model-versions/create', { name, source: `s3://models/${name}/${v}`, run_id: `run${i}${v}`, tags: [{ key: 'fold', value: String(v) }] });
    }
  }
}, 60_000);

describe('registered-models/search', () => {
  it('filters by name with =, !=, LIKE (case-sensitive) and ILIKE', async () => {
    const like = `${prefix}-%`;
    expect(namesOf((await ds().get('registered-models/search', { filter: `name = '${names[0]}'` })).json)).toEqual([names[0]]);
    expect(namesOf((await ds().get('registered-models/search', { filter: `name LIKE '${like}' AND name != '${names[0]}'` })).json)).toHaveLength(4);
    expect(namesOf((await ds().get('registered-models/search', { filter: `name LIKE '${prefix}-g%'` })).json)).toEqual([]);
    expect(namesOf((await ds().get('registered-models/search', { filter: `name ILIKE '${prefix}-g%'` })).json)).toEqual([names[2]]);
    expect(namesOf((await ds().get('registered-models/search', { filter: `name LIKE '${prefix}-_lpha'` })).json)).toEqual([names[0]]);
  });

  it('filters by tags, including backticked keys with spaces, and combines clauses with AND', async () => {
    const risk = await ds().get('registered-models/search', { filter: `name LIKE '${prefix}%' AND tags.team = 'risk'` });
    expect(namesOf(risk.json).sort()).toEqual([names[1], names[3]].sort());
    const spaced = await ds().get('registered-models/search', { filter: `tags.\`owner group\` = 'g4' AND name LIKE '${prefix}%'` });
    expect(namesOf(spaced.json)).toEqual([names[4]]);
    const notRisk = await ds().get('registered-models/search', { filter: `name LIKE '${prefix}%' AND tags.team != 'risk'` });
    expect(namesOf(notRisk.json)).toHaveLength(3);
    const likeTag = await ds().get('registered-models/search', { filter: `name LIKE '${prefix}%' AND tag.team ILIKE 'GRO%'` });
    expect(namesOf(likeTag.json)).toHaveLength(3);
    const absentTag = await ds().get('registered-models/search', { filter: `name LIKE '${prefix}%' AND tags.nothing != 'x'` });
    expect(absentTag.json).toEqual({});
  });

  it("answers MLflow 3 clients' prompt exclusion, and leaves prompts out unless asked for", async () => {
    const filter = `name LIKE '${prefix}%' AND tag.\`mlflow.prompt.is_prompt\` != 'true'`;
    expect(namesOf((await ds().get('registered-models/search', { filter })).json)).toHaveLength(5);
    const prompt = `${prefix}-prompt`;
    await ds().post('registered-models/create', { name: prompt, tags: [{ key: 'mlflow.prompt.is_prompt', value: 'true' }] });
    expect(namesOf((await ds().get('registered-models/search', { filter })).json)).toHaveLength(5);
    expect(namesOf((await ds().get('registered-models/search', { filter: `name LIKE '${prefix}%'` })).json)).toHaveLength(5);
    const prompts = await ds().get('registered-models/search', { filter: `name LIKE '${prefix}%' AND tags.\`mlflow.prompt.is_prompt\` = 'true'` });
    expect(namesOf(prompts.json)).toEqual([prompt]);
    await ds().delete('registered-models/delete', { name: prompt });
    const versions = await ds().get('model-versions/search', { filter: `name = '${names[1]}' AND tag.\`mlflow.prompt.is_prompt\` != 'true'` });
    expect(versions.json.model_versions).toHaveLength(1);
  });

  it('orders by name ascending by default, or as asked', async () => {
    const filter = `name LIKE '${prefix}%'`;
    const byName = namesOf((await ds().get('registered-models/search', { filter })).json);
    expect(byName).toEqual([...names].sort());
    const desc = namesOf((await ds().get('registered-models/search', { filter, order_by: ['name DESC'] })).json);
    expect(desc).toEqual([...byName].reverse());
    const recent = namesOf((await ds().get('registered-models/search', { filter, order_by: ['last_updated_timestamp DESC'] })).json);
    expect(recent[0]).toBe(names[4]);
  });

  it('pages with opaque next_page_token until the last page, without gaps or repeats, even when rows are added meanwhile', async () => {
    const filter = `name LIKE '${prefix}%'`;
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await ds().get('registered-models/search', { filter, max_results: 2, ...(token ? { page_token: token } : {}) });
      expect(page.status).toBe(200);
      seen.push(...namesOf(page.json));
      token = page.json.next_page_token;
      if (pages === 0) await ds().post('registered-models/create', { name: `${prefix}-aaa-late` }); // sorts before the cursor
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].sort());
  });

  it('refuses bad max_results, page tokens, filters and order_by with INVALID_PARAMETER_VALUE', async () => {
    const tooMany = await ds().get('registered-models/search', { max_results: 1001 });
    expect(tooMany).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: 'Invalid value for request parameter max_results. It must be at most 1000, but got value 1001' } });
    expect((await ds().get('registered-models/search', { max_results: 'ten' })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await ds().get('registered-models/search', { page_token: '%%%' })).json.message).toBe('Invalid page token, could not base64-decode');
    expect((await ds().get('registered-models/search', { filter: "name = 'a' OR name = 'b'" })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await ds().get('registered-models/search', { filter: "run_id = 'a'" })).json.message).toContain("Invalid attribute key 'run_id'");
    expect((await ds().get('registered-models/search', { order_by: ['version_number'] })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
  });
});

describe('model-versions/search', () => {
  const versionsOf = (json: { model_versions?: { name: string; version: string }[] }) => (json.model_versions ?? []).map((v) => `${v.name.slice(prefix.length + 1)}/${v.version}`);

  it('filters by name, version_number, run_id (= and IN), source_path and tags', async () => {
    const delta = names[3]!;
    expect(versionsOf((await ds().get('model-versions/search', { filter: `name = '${delta}'` })).json).sort()).toEqual(['delta/1', 'delta/2', 'delta/3']);
    expect(versionsOf((await ds().get('model-versions/search', { filter: `name = '${delta}' AND version_number > 1` })).json).sort()).toEqual(['delta/2', 'delta/3']);
    expect(versionsOf((await ds().get('model-versions/search', { filter: "run_id = 'run32'" })).json)).toEqual(['delta/2']);
    expect(versionsOf((await ds().get('model-versions/search', { filter: "run_id IN ('run11', 'run43')" })).json).sort()).toEqual(['beta/1', 'epsilon/3']);
    expect(versionsOf((await ds().get('model-versions/search', { filter: `source_path LIKE 's3://models/${names[4]}/%'` })).json)).toHaveLength(4);
    expect(versionsOf((await ds().get('model-versions/search', { filter: `name LIKE '${prefix}%' AND tags.fold = '4'` })).json)).toEqual(['epsilon/4']);
  });

  it('orders newest change first by default (then name, then version descending), or as asked', async () => {
    const filter = `name LIKE '${prefix}%'`;
    const byDefault = versionsOf((await ds().get('model-versions/search', { filter })).json);
    expect(byDefault[0]).toBe('epsilon/4');
    const byVersion = versionsOf((await ds().get('model-versions/search', { filter: `name = '${names[4]}'`, order_by: ['version_number ASC'] })).json);
    expect(byVersion).toEqual(['epsilon/1', 'epsilon/2', 'epsilon/3', 'epsilon/4']);
    const byName = versionsOf((await ds().get('model-versions/search', { filter, order_by: ['name', 'version_number DESC'] })).json);
    expect(byName.slice(0, 2)).toEqual(['Gamma/2', 'Gamma/1']); // code-point order: capitals first
  });

  it('pages through every version exactly once', async () => {
    const filter = `name LIKE '${prefix}%'`;
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await ds().get('model-versions/search', { filter, max_results: 3, order_by: ['creation_timestamp ASC'], ...(token ? { page_token: token } : {}) });
      seen.push(...versionsOf(page.json));
      token = page.json.next_page_token;
    } while (token);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    const other = await ds().get('model-versions/search', { filter, max_results: 3 });
    const wrongOrder = await ds().get('model-versions/search', { filter, page_token: other.json.next_page_token, order_by: ['name'] });
    expect(wrongOrder.json.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('refuses what MLflow refuses', async () => {
    expect((await ds().get('model-versions/search', { filter: "name IN ('a')" })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await ds().get('model-versions/search', { filter: "version_number LIKE '1'" })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await ds().get('model-versions/search', { max_results: 200_001 })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await ds().get('model-versions/search', { order_by: ['stage'] })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
  });
});

describe('model-scoped tokens', () => {
  it('search and read only their model', async () => {
    const scoped = await mlflowUser(admin, 'scientist', { model: names[1] });
    const found = await as(scoped.bearer).get('registered-models/search', { filter: `name LIKE '${prefix}%'` });
    expect(namesOf(found.json)).toEqual([names[1]]);
    const versions = await as(scoped.bearer).get('model-versions/search', {});
    expect(new Set(versions.json.model_versions.map((v: { name: string }) => v.name))).toEqual(new Set([names[1]]));
    const other = await as(scoped.bearer).get('registered-models/get', { name: names[2] });
    expect(other).toMatchObject({ status: 403, json: { error_code: 'PERMISSION_DENIED' } });
    expect((await as(scoped.bearer).post('model-versions/create', { name: names[2], source: 's3://x' })).json.error_code).toBe('PERMISSION_DENIED');
    expect((await as(scoped.bearer).post('model-versions/transition-stage', { name: names[2], version: '1', stage: 'Archived' })).json.error_code).toBe('PERMISSION_DENIED');
    expect((await as(scoped.bearer).post('registered-models/create', { name: `${prefix}-by-scoped` })).json.error_code).toBe('PERMISSION_DENIED');
    expect(await db.registeredModel.count({ where: { name: `${prefix}-by-scoped` } })).toBe(0);
  });
});
