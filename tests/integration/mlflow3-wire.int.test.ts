// Requests shaped exactly as MLflow 3.6's Python client sends them (read from its sources:
// mlflow/store/model_registry/rest_store.py, mlflow/tracking/client.py, mlflow/prompt/registry_utils.py,
// mlflow/utils/rest_utils.py), which MLflow 3 cannot be installed here to send itself.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { mlflowUser, send, type MlflowUser } from './mlflow-client';
import { seedUser, uniqueName } from '../fixtures';
import { countQueries } from './query-counter';

let admin: Actor;
let scientist: MlflowUser;

/** The headers every 3.x request carries (mlflow/tracking/request_header/default_request_header_provider.py). */
const MLFLOW3 = { 'user-agent': 'mlflow-python-client/3.6.0', 'x-mlflow-client-version': '3.6.0' };
const v3 = (route: string, params: Record<string, unknown> = {}) => send(route, params, scientist.bearer, { headers: MLFLOW3 });

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  scientist = await mlflowUser(admin, 'scientist');
});

describe('CreateModelVersion with a logged model (model_id, source models:/m-…)', () => {
  it('stores model_id and the models:/ source, returns model_id on the version and the source as the download URI', async () => {
    const name = uniqueName('m3');
    expect((await v3('POST registered-models/create', { name })).status).toBe(200);
    const modelId = `m-${randomBytes(16).toString('hex')}`;
    // _register_model("models:/m-…"): no run_id, the source is the logged model's URI.
    const created = await v3('POST model-versions/create', { name, source: `models:/${modelId}`, model_id: modelId });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect(created.json.model_version).toMatchObject({ name, version: '1', source: `models:/${modelId}`, run_id: '', model_id: modelId, current_stage: 'None', status: 'READY' });
    expect(created.json.model_version.tags).toBeUndefined(); // model_id is a field, not a tag
    expect((await v3('GET model-versions/get', { name, version: '1' })).json.model_version.model_id).toBe(modelId);
    expect((await v3('GET model-versions/get-download-uri', { name, version: '1' })).json).toEqual({ artifact_uri: `models:/${modelId}` });
    const searched = await v3('GET model-versions/search', { filter: `name = '${name}'` });
    expect(searched.json.model_versions[0].model_id).toBe(modelId);
  });

  it('keeps run_id beside model_id when a run logged the model (runs:/ registration in 3.x)', async () => {
    const name = uniqueName('m3');
    await v3('POST registered-models/create', { name });
    const created = await v3('POST model-versions/create', { name, source: 'models:/m-0123', run_id: 'a1b2c3', model_id: 'm-0123', tags: [] });
    expect(created.json.model_version).toMatchObject({ run_id: 'a1b2c3', model_id: 'm-0123' });
  });

  it('refuses to change the model_id afterwards, as run_id', async () => {
    const name = uniqueName('m3');
    await v3('POST registered-models/create', { name });
    await v3('POST model-versions/create', { name, source: 'models:/m-1', model_id: 'm-1' });
    const refused = await v3('POST model-versions/set-tag', { name, version: '1', key: 'mlflow.model_id', value: 'm-2' });
    expect(refused.json.error_code).toBe('INVALID_PARAMETER_VALUE');
  });
});

describe("search_registered_models' appended prompt filter", () => {
  it('with no user filter, the clause alone is the whole filter and matches models without the tag', async () => {
    const name = uniqueName('m3plain');
    await v3('POST registered-models/create', { name });
    // add_prompt_filter_string(None, False)
    const page = await v3('GET registered-models/search', { filter: "tag.`mlflow.prompt.is_prompt` != 'true'", max_results: 1000 });
    expect(page.status).toBe(200);
    expect(page.json.registered_models.map((m: { name: string }) => m.name)).toContain(name);
    // add_prompt_filter_string("name = 'x'", False)
    const named = await v3('GET registered-models/search', { filter: `name = '${name}' AND tag.\`mlflow.prompt.is_prompt\` != 'true'`, max_results: 100 });
    expect(named.json.registered_models).toHaveLength(1);
  });
});

describe('tag values up to 100,000 characters', () => {
  it('takes MLflow 3 length on model and version tags (incompressible ones included), and refuses beyond', async () => {
    const name = uniqueName('m3tags');
    await v3('POST registered-models/create', { name });
    await v3('POST model-versions/create', { name, source: 's3://b/1' });
    const long = randomBytes(75_000).toString('base64'); // 100,000 characters that do not compress
    expect(long).toHaveLength(100_000);
    expect((await v3('POST model-versions/set-tag', { name, version: '1', key: 'notes', value: long })).status).toBe(200);
    expect((await v3('POST registered-models/set-tag', { name, key: 'notes', value: long })).status).toBe(200);
    const version = await v3('GET model-versions/get', { name, version: '1' });
    expect(version.json.model_version.tags).toEqual([{ key: 'notes', value: long }]);
    const searched = await v3('GET model-versions/search', { filter: `name = '${name}' AND tags.notes = '${long}'` });
    expect(searched.json.model_versions).toHaveLength(1);
    const tooLong = await v3('POST model-versions/set-tag', { name, version: '1', key: 'notes', value: `${long}x` });
    expect(tooLong).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: 'Tag values are at most 100,000 characters.' } });
    const atRegistration = await v3('POST model-versions/create', { name, source: 's3://b/2', tags: [{ key: 'notes', value: long }] });
    expect(atRegistration.json.model_version.tags).toEqual([{ key: 'notes', value: long }]);
  });
});

describe('the X-MLflow-Client-Version header', () => {
  it('is accepted on every kind of call', async () => {
    const name = uniqueName('m3hdr');
    expect((await v3('POST registered-models/create', { name })).status).toBe(200);
    expect((await v3('GET registered-models/get', { name })).status).toBe(200);
    expect((await v3('PATCH registered-models/update', { name, description: 'd' })).status).toBe(200);
    expect((await v3('DELETE registered-models/delete', { name })).status).toBe(200);
  });
});

describe('the prompt check before writes (GET registered-models/get)', () => {
  it('is cheap: the token and at most four statements, whatever the model holds', async () => {
    const name = uniqueName('m3get');
    await v3('POST registered-models/create', { name, tags: [{ key: 'team', value: 'risk' }] });
    for (let i = 1; i <= 5; i++) await v3('POST model-versions/create', { name, source: `s3://b/${i}`, tags: [{ key: 'k', value: String(i) }] });
    await v3('POST registered-models/alias', { name, alias: 'candidate', version: '5' });
    await v3('GET registered-models/get', { name }); // the token's last use is stamped once a minute
    const counted = await countQueries(() => v3('GET registered-models/get', { name }));
    expect(counted.result.status).toBe(200);
    expect(counted.result.json.registered_model).toMatchObject({ name, tags: [{ key: 'team', value: 'risk' }], aliases: [{ alias: 'candidate', version: '5' }], latest_versions: [{ version: '5', current_stage: 'None', tags: [{ key: 'k', value: '5' }] }] });
    expect(counted.count, counted.statements.join('\n')).toBeLessThanOrEqual(1 + 4);
  });
});

describe('prompts (MLflow 3 register_prompt / load_prompt over REST) work as plain models', () => {
  it('registers, versions, searches, aliases and loads a prompt as MLflow 3 does', async () => {
    const name = uniqueName('prompt');
    // AbstractStore.create_prompt: a registered model tagged as a prompt.
    const created = await v3('POST registered-models/create', { name, tags: [{ key: 'mlflow.prompt.is_prompt', value: 'true' }, { key: 'task', value: 'summarise' }], description: 'Summariser' });
    expect(created.status).toBe(200);
    // AbstractStore.create_prompt_version: source "prompt-template", the template as a tag.
    const template = 'Summarise {{ text }} in {{ n }} sentences.';
    const version = await v3('POST model-versions/create', {
      name,
      source: 'prompt-template',
      description: 'first cut',
      tags: [
        { key: 'mlflow.prompt.is_prompt', value: 'true' },
        { key: 'mlflow.prompt.text', value: template },
        { key: '_mlflow_prompt_type', value: 'text' },
      ],
    });
    expect(version.status, JSON.stringify(version.json)).toBe(200);
    expect(version.json.model_version).toMatchObject({ source: 'prompt-template', version: '1' });
    expect(version.json.model_version.tags).toContainEqual({ key: 'mlflow.prompt.text', value: template });
    // search_prompts: the prompt filter with '='.
    const prompts = await v3('GET registered-models/search', { filter: `name = '${name}' AND tag.\`mlflow.prompt.is_prompt\` = 'true'` });
    expect(prompts.json.registered_models.map((m: { name: string }) => m.name)).toEqual([name]);
    // …and models searches leave it out.
    expect((await v3('GET registered-models/search', { filter: `name = '${name}' AND tag.\`mlflow.prompt.is_prompt\` != 'true'` })).json).toEqual({});
    // set_prompt_alias / load_prompt("prompts:/name@production")
    expect((await v3('POST registered-models/alias', { name, alias: 'production', version: '1' })).status).toBe(200);
    const loaded = await v3('GET registered-models/alias', { name, alias: 'production' });
    expect(loaded.json.model_version.tags).toContainEqual({ key: 'mlflow.prompt.text', value: template });
    expect(await db.modelVersion.count({ where: { model: { name } } })).toBe(1);
  });
});
