import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import type { z } from 'zod';
import { PERMISSIONS, type ErrorCode } from '@/lib/registry';
import { ZError } from '@/lib/api-v1/schemas/common';
import { contractOf, isRawResponse, type AnyContract, type ResponseSpec } from './contract';

// The API description, built from the route contracts: what a handler parses and answers is what is
// documented, operation by operation. Nothing here lists paths by hand but the index it is given.

/** A route module and the path it serves (the index lives beside GET /api/openapi.json). */
export interface Operation {
  path: string;
  module: Record<string, unknown>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid argument: the message names the field',
  401: 'No or invalid credentials',
  403: 'The role (on this model, or registry-wide) does not allow this',
  404: 'Not found',
  409: 'Conflict: someone changed it first, or the move is not allowed now',
  413: 'Body over 1 MB',
  422: 'Gates failed (details.gates lists each)',
  503: 'The database is unavailable; retry',
};

const STATUS_OF: Partial<Record<ErrorCode, number>> = { NOT_FOUND: 404, CONFLICT: 409, INVALID_TRANSITION: 409, GATE_FAILED: 422, UNAVAILABLE: 503 };

export function buildOpenApiDocument(serverUrl: string, operations: readonly Operation[]) {
  const paths: ZodOpenApiPathsObject = {};
  for (const { path, module } of operations) {
    for (const method of METHODS) {
      const handler = module[method.toUpperCase()];
      if (handler === undefined) continue;
      const contract = contractOf(handler);
      if (!contract) throw new Error(`${method.toUpperCase()} ${path} has no route contract: build it with route() from lib/http/route.`);
      if (contract.internal) continue;
      paths[path] = { ...paths[path], [method]: operationOf(method, path, contract) };
    }
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Modelgate API',
      version: '1.0.0',
      description:
        'Register models and versions, govern their promotion, and resolve what to serve. Authenticate with "Authorization: Bearer <API token>" (created by an admin). A token restricted to one model reaches only that model: registry-wide endpoints refuse it and lists show only its rows.',
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  });
}

function operationOf(method: string, path: string, contract: AnyContract): ZodOpenApiOperationObject {
  const isPublic = 'public' in contract;
  const requestParams = {
    ...(contract.params ? { path: contract.params as z.ZodObject } : {}),
    ...(contract.query ? { query: contract.query as z.ZodObject } : {}),
    ...(contract.headers ? { header: contract.headers as z.ZodObject } : {}),
  };
  return {
    operationId: `${method}${path.replace(/^\/api/, '').replace(/[{}]/g, '').split(/[/-]/).map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : '')).join('')}`,
    summary: contract.summary,
    description: [
      contract.description,
      isPublic ? 'No credentials needed.' : accessNote(contract),
      contract.conditional ? 'Answers carry an ETag; send it back as If-None-Match to get 304 while nothing changed.' : '',
      contract.secretEnv ? `A bearer equal to the ${contract.secretEnv} setting is accepted instead.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    tags: [tagOf(path)],
    ...(isPublic ? { security: [] } : {}),
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    ...(contract.body ? { requestBody: { required: true, content: { 'application/json': { schema: contract.body as z.ZodType } } } } : {}),
    responses: responsesOf(contract, isPublic),
  };
}

function accessNote(contract: AnyContract): string {
  if ('public' in contract) return '';
  const permission = typeof contract.permission === 'string' ? contract.permission : null;
  const roles = permission ? PERMISSIONS.find((p) => p.action === permission)?.roles.join(', ') : null;
  const needs = permission ? `Needs ${permission} (${roles})` : 'Needs the permission the path selects (see the summary)';
  if (contract.scope === 'global') return `${needs}, registry-wide: per-model grants do not count and tokens restricted to one model are refused.`;
  if (contract.scope === 'list') return `${needs}. A token restricted to one model sees only that model's rows.`;
  return `${needs} on the model (a per-model grant counts there).`;
}

function tagOf(path: string): string {
  if (path.startsWith('/api/admin')) return 'Admin';
  if (path === '/api/health') return 'Health';
  if (path.includes('promotion-requests') || /\/(promote|demote|archive|restore|override|rollback)$/.test(path)) return 'Promotion';
  if (/\/(resolve|route|watch|traffic|health|aliases\/\{alias\})$/.test(path)) return 'Serving';
  if (path === '/api/metrics') return 'Operations';
  if (path.startsWith('/api/v1/audit')) return 'Audit';
  if (path.startsWith('/api/v1/me/')) return 'Your account';
  return 'Models and versions';
}

function content(spec: ResponseSpec) {
  if (isRawResponse(spec)) return Object.fromEntries(spec.raw.map((type) => [type, { schema: { type: 'string' as const } }]));
  return { 'application/json': { schema: spec } };
}

function responsesOf(contract: AnyContract, isPublic: boolean): ZodOpenApiResponsesObject {
  const spec = contract.response as ResponseSpec;
  const status = contract.status ?? 200;
  const responses: Record<string, ZodOpenApiResponseObject> = {
    [String(status)]: { description: isRawResponse(spec) ? spec.description : status === 201 ? 'Created' : 'OK', content: content(spec) },
  };
  for (const [other, { description, schema }] of Object.entries(contract.otherResponses ?? {})) responses[other] = { description, content: content(schema) };
  if (contract.conditional) responses['304'] = { description: 'Not Modified: If-None-Match named the current ETag; no body' };
  const errors = new Set<number>();
  if (contract.params || contract.query || contract.body || contract.headers) errors.add(400);
  if (!isPublic) [401, 403].forEach((s) => errors.add(s));
  if (contract.params) errors.add(404);
  if (contract.body) errors.add(413);
  for (const code of (contract.errors ?? []) as ErrorCode[]) if (STATUS_OF[code]) errors.add(STATUS_OF[code]);
  errors.add(503);
  for (const s of [...errors].sort()) responses[String(s)] ??= { description: ERROR_DESCRIPTIONS[s] ?? 'Error', content: { 'application/json': { schema: ZError } } };
  return responses as ZodOpenApiResponsesObject;
}
