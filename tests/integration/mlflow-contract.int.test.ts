import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/services/actor';
import { MLFLOW_ERROR_STATUS } from '@/lib/mlflow/errors';
import { mlflowUser, ROUTES, send, setProductionApprovals, type MlflowUser, type Reply } from './mlflow-client';
import { seedUser, uniqueName } from '../fixtures';

/*
 * Replays the model-registry part of MLflow's REST API reference (mlflow.org/docs/latest/rest-api.html,
 * generated from mlflow/protos/model_registry.proto): every endpoint at its documented path and HTTP
 * method, with a request built from its documented Request Structure, and the answer checked against
 * its documented Response Structure — documented fields only, each of its documented type.
 */

type FieldType = 'STRING' | 'INT64' | 'ModelVersionStatus' | `${string}` | [string];
const STRUCTURES: Record<string, Record<string, FieldType>> = {
  RegisteredModel: {
    name: 'STRING', creation_timestamp: 'INT64', last_updated_timestamp: 'INT64', user_id: 'STRING', description: 'STRING',
    latest_versions: ['ModelVersion'], tags: ['RegisteredModelTag'], aliases: ['RegisteredModelAlias'],
  },
  ModelVersion: {
    name: 'STRING', version: 'STRING', creation_timestamp: 'INT64', last_updated_timestamp: 'INT64', user_id: 'STRING', current_stage: 'STRING',
    description: 'STRING', source: 'STRING', run_id: 'STRING', status: 'ModelVersionStatus', status_message: 'STRING', tags: ['ModelVersionTag'],
    run_link: 'STRING', aliases: ['STRING'],
  },
  RegisteredModelTag: { key: 'STRING', value: 'STRING' },
  ModelVersionTag: { key: 'STRING', value: 'STRING' },
  RegisteredModelAlias: { alias: 'STRING', version: 'STRING' },
  Empty: {},
  'CreateRegisteredModel.Response': { registered_model: 'RegisteredModel' },
  'GetRegisteredModel.Response': { registered_model: 'RegisteredModel' },
  'RenameRegisteredModel.Response': { registered_model: 'RegisteredModel' },
  'UpdateRegisteredModel.Response': { registered_model: 'RegisteredModel' },
  'SearchRegisteredModels.Response': { registered_models: ['RegisteredModel'], next_page_token: 'STRING' },
  'GetLatestVersions.Response': { model_versions: ['ModelVersion'] },
  'CreateModelVersion.Response': { model_version: 'ModelVersion' },
  'GetModelVersion.Response': { model_version: 'ModelVersion' },
  'UpdateModelVersion.Response': { model_version: 'ModelVersion' },
  'TransitionModelVersionStage.Response': { model_version: 'ModelVersion' },
  'SearchModelVersions.Response': { model_versions: ['ModelVersion'], next_page_token: 'STRING' },
  'GetModelVersionDownloadUri.Response': { artifact_uri: 'STRING' },
  'GetModelVersionByAlias.Response': { model_version: 'ModelVersion' },
};

/** Fails with the JSON path of the first field that is not documented or not of its documented type. */
function conforms(value: unknown, type: FieldType, path: string): void {
  if (Array.isArray(type)) {
    expect(Array.isArray(value), `${path} is a list`).toBe(true);
    (value as unknown[]).forEach((item, i) => conforms(item, type[0]!, `${path}[${i}]`));
  } else if (type === 'STRING') {
    expect(typeof value, `${path} is a STRING`).toBe('string');
  } else if (type === 'INT64') {
    // proto3 JSON allows int64 as a number or a decimal string; MLflow's server writes numbers.
    expect(Number.isSafeInteger(value), `${path} is an INT64 written as a number`).toBe(true);
  } else if (type === 'ModelVersionStatus') {
    expect(['PENDING_REGISTRATION', 'FAILED_REGISTRATION', 'READY'], `${path} is a ModelVersionStatus`).toContain(value);
  } else {
    const structure = STRUCTURES[type]!;
    expect(typeof value === 'object' && value !== null && !Array.isArray(value), `${path} is a ${type}`).toBe(true);
    for (const [field, fieldValue] of Object.entries(value as object)) {
      expect(Object.keys(structure), `${path}.${field} is a documented field of ${type}`).toContain(field);
      conforms(fieldValue, structure[field]!, `${path}.${field}`);
    }
  }
}

let admin: Actor;
let user: MlflowUser;
const name = uniqueName('contract');
const renamed = `${name}-renamed`;

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  user = await mlflowUser(admin, 'approver');
});

// The documented endpoints, in an order where each request's preconditions hold.
const EXAMPLES: { endpoint: string; method: string; request: () => Record<string, unknown>; response: string; expect?: (reply: Reply) => void }[] = [
  { endpoint: 'registered-models/create', method: 'POST', request: () => ({ name, tags: [{ key: 'team', value: 'risk' }], description: 'Fraud scorer' }), response: 'CreateRegisteredModel.Response' },
  { endpoint: 'registered-models/get', method: 'GET', request: () => ({ name }), response: 'GetRegisteredModel.Response', expect: (r) => expect(r.json.registered_model.name).toBe(name) },
  { endpoint: 'registered-models/update', method: 'PATCH', request: () => ({ name, description: 'Fraud scorer, v2 features' }), response: 'UpdateRegisteredModel.Response' },
  { endpoint: 'registered-models/rename', method: 'POST', request: () => ({ name, new_name: renamed }), response: 'RenameRegisteredModel.Response', expect: (r) => expect(r.json.registered_model.name).toBe(renamed) },
  { endpoint: 'registered-models/set-tag', method: 'POST', request: () => ({ name: renamed, key: 'tier', value: 'gold' }), response: 'Empty' },
  {
    endpoint: 'model-versions/create', method: 'POST',
    request: () => ({ name: renamed, source: 's3://models/fraud/1', run_id: 'b5e0ff61c6f04ab1', tags: [{ key: 'data_version', value: '2026-03' }], run_link: 'http://mlflow.example/#/runs/b5e0ff61c6f04ab1', description: 'Gradient boosting' }),
    response: 'CreateModelVersion.Response',
    expect: (r) => expect(r.json.model_version).toMatchObject({ version: '1', current_stage: 'None', status: 'READY' }),
  },
  { endpoint: 'model-versions/get', method: 'GET', request: () => ({ name: renamed, version: '1' }), response: 'GetModelVersion.Response' },
  { endpoint: 'model-versions/update', method: 'PATCH', request: () => ({ name: renamed, version: '1', description: 'Gradient boosting, calibrated' }), response: 'UpdateModelVersion.Response' },
  { endpoint: 'model-versions/set-tag', method: 'POST', request: () => ({ name: renamed, version: '1', key: 'validation_status', value: 'approved' }), response: 'Empty' },
  {
    endpoint: 'model-versions/transition-stage', method: 'POST', request: () => ({ name: renamed, version: '1', stage: 'Staging', archive_existing_versions: true }),
    response: 'TransitionModelVersionStage.Response', expect: (r) => expect(r.json.model_version.current_stage).toBe('Staging'),
  },
  {
    endpoint: 'model-versions/transition-stage', method: 'POST', request: () => ({ name: renamed, version: '1', stage: 'Production', archive_existing_versions: true }),
    response: 'TransitionModelVersionStage.Response', expect: (r) => expect(r.json.model_version.current_stage).toBe('Production'),
  },
  { endpoint: 'registered-models/alias', method: 'POST', request: () => ({ name: renamed, alias: 'champion', version: '1' }), response: 'Empty' },
  { endpoint: 'registered-models/alias', method: 'GET', request: () => ({ name: renamed, alias: 'champion' }), response: 'GetModelVersionByAlias.Response', expect: (r) => expect(r.json.model_version.aliases).toEqual(['champion']) },
  { endpoint: 'registered-models/get-latest-versions', method: 'POST', request: () => ({ name: renamed, stages: ['Production'] }), response: 'GetLatestVersions.Response', expect: (r) => expect(r.json.model_versions).toHaveLength(1) },
  { endpoint: 'registered-models/get-latest-versions', method: 'GET', request: () => ({ name: renamed }), response: 'GetLatestVersions.Response' },
  { endpoint: 'registered-models/search', method: 'GET', request: () => ({ filter: `name LIKE '${renamed}%'`, max_results: 10, order_by: ['name ASC'] }), response: 'SearchRegisteredModels.Response', expect: (r) => expect(r.json.registered_models).toHaveLength(1) },
  { endpoint: 'model-versions/search', method: 'GET', request: () => ({ filter: `name = '${renamed}'`, max_results: 10, order_by: ['version_number DESC'] }), response: 'SearchModelVersions.Response', expect: (r) => expect(r.json.model_versions).toHaveLength(1) },
  { endpoint: 'model-versions/get-download-uri', method: 'GET', request: () => ({ name: renamed, version: '1' }), response: 'GetModelVersionDownloadUri.Response', expect: (r) => expect(r.json.artifact_uri).toBe('s3://models/fraud/1') },
  { endpoint: 'registered-models/alias', method: 'DELETE', request: () => ({ name: renamed, alias: 'champion' }), response: 'Empty' },
  { endpoint: 'model-versions/delete-tag', method: 'DELETE', request: () => ({ name: renamed, version: '1', key: 'validation_status' }), response: 'Empty' },
  { endpoint: 'registered-models/delete-tag', method: 'DELETE', request: () => ({ name: renamed, key: 'tier' }), response: 'Empty' },
  { endpoint: 'model-versions/create', method: 'POST', request: () => ({ name: renamed, source: 's3://models/fraud/2' }), response: 'CreateModelVersion.Response' },
  { endpoint: 'model-versions/delete', method: 'DELETE', request: () => ({ name: renamed, version: '2' }), response: 'Empty' },
  { endpoint: 'registered-models/create', method: 'POST', request: () => ({ name: `${name}-scratch` }), response: 'CreateRegisteredModel.Response' },
  { endpoint: 'registered-models/delete', method: 'DELETE', request: () => ({ name: `${name}-scratch` }), response: 'Empty' },
];

describe("MLflow's documented model-registry API", () => {
  it('serves every documented endpoint at its documented method', () => {
    const documented = new Set(EXAMPLES.map((e) => `${e.method} ${e.endpoint}`));
    expect(documented.size).toBe(22);
    for (const route of documented) expect(ROUTES[route], route).toBeDefined();
  });

  it.each(EXAMPLES.map((example, i) => [`${i + 1}. ${example.method} 2.0/mlflow/${example.endpoint}`, example] as const))('%s answers its Response Structure', async (_, example) => {
    // A policy that MLflow-registered versions can meet (no digest, metrics or model card): no gates, no approvals.
    if (example.endpoint === 'model-versions/transition-stage') await setProductionApprovals(renamed, 0);
    const reply = await send(`${example.method} ${example.endpoint}`, example.request(), user.bearer);
    expect(reply.status, JSON.stringify(reply.json)).toBe(200);
    conforms(reply.json, example.response, example.response);
    example.expect?.(reply);
  });

  it.each([
    ['GET registered-models/get', { name: 'no-such-model' }, 'RESOURCE_DOES_NOT_EXIST'],
    ['POST registered-models/create', { name: renamed }, 'RESOURCE_ALREADY_EXISTS'],
    ['POST model-versions/create', { name: renamed }, 'INVALID_PARAMETER_VALUE'],
    ['GET model-versions/search', { filter: 'name = ' }, 'INVALID_PARAMETER_VALUE'],
    ['POST model-versions/transition-stage', { name: renamed, version: '1', stage: 'Limbo' }, 'INVALID_PARAMETER_VALUE'],
    ['DELETE model-versions/delete', { name: renamed, version: '1' }, 'INVALID_STATE'],
  ] as const)('%s with %j answers {error_code: %s, message} at the status MLflow maps it to', async (route, request, code) => {
    const reply = await send(route, request, user.bearer);
    expect(Object.keys(reply.json).sort()).toEqual(['error_code', 'message']);
    expect(reply.json.error_code).toBe(code);
    expect(typeof reply.json.message).toBe('string');
    expect(reply.status).toBe(MLFLOW_ERROR_STATUS[code]);
  });
});
