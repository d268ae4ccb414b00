import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import { ERROR_CODES, STAGES } from '@/lib/registry';
import { ZCanaryRequestBody, ZDecisionBody, ZMoveBody, ZRejectBody, ZRequestProductionBody, ZRollbackBody } from '@/lib/validations/actions';
import { ZCreateModelInput } from '@/lib/validations/model';
import { ZRegisterVersionInput } from '@/lib/validations/version';
import { ZAuditPageQuery } from '@/lib/validations/audit';
import { ZResolveQuery, ZSearchVersionsQuery, ZSetAliasBody } from '@/lib/validations/api-v1';

// The API description is generated from the same zod schemas the handlers validate with, so it cannot drift.

const ZError = z
  .object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() }) })
  .meta({ id: 'Error', description: 'Every error: a machine-readable code and a human message.' });

const ZVersion = z
  .object({
    model: z.string(),
    number: z.number().int(),
    semver: z.string(),
    stage: z.enum(STAGES),
    dataVersion: z.string(),
    artifactUri: z.string(),
    artifactDigest: z.string().nullable(),
    framework: z.string().nullable(),
    hyperparameters: z.record(z.string(), z.unknown()),
    features: z.array(z.object({ name: z.string(), type: z.string() })),
    trainingDataHash: z.string().nullable(),
    trainingDataSource: z.string().nullable(),
    codeCommit: z.string().nullable(),
    parents: z.array(z.object({ model: z.string(), version: z.number().int() })),
    metrics: z.array(z.object({ key: z.string(), value: z.number(), evaluationSet: z.string(), slice: z.string() })),
    tags: z.record(z.string(), z.string()),
    aliases: z.array(z.string()),
    description: z.string(),
    modelCard: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    stageChangedAt: z.string(),
  })
  .meta({ id: 'Version' });

const ZResolved = z
  .object({
    model: z.string().meta({ description: "The model's current name" }),
    redirectedFrom: z.string().optional().meta({ description: 'The former name asked for, when a rename left a redirect' }),
    version: z.number().int(),
    semver: z.string(),
    stage: z.enum(STAGES),
    artifactUri: z.string(),
    artifactDigest: z.string().nullable(),
    since: z.string(),
  })
  .meta({ id: 'Resolved' });

const name = z.string().meta({ description: 'Model name' });
const number = z.string().regex(/^\d+$/).meta({ description: 'Version number (1, 2, 3…)' });
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const errors = {
  '400': { description: 'Invalid argument', ...json(ZError) },
  '401': { description: 'No or invalid credentials', ...json(ZError) },
  '403': { description: 'The role does not allow this', ...json(ZError) },
  '404': { description: 'Not found', ...json(ZError) },
  '409': { description: 'Conflict: someone changed it first, or the move is not allowed now', ...json(ZError) },
  '413': { description: 'Body over 1 MB', ...json(ZError) },
  '422': { description: 'Gates failed (details.gates lists each)', ...json(ZError) },
};
const ok = (schema: z.ZodType, description = 'OK') => ({ '200': { description, ...json(schema) }, ...errors });
const versionPath = { path: z.object({ name, number }) };

export function buildOpenApiDocument(serverUrl: string) {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Modelgate API',
      version: '1.0.0',
      description: 'Register models and versions, govern their promotion, and resolve what to serve. Authenticate with `Authorization: Bearer <API token>` (created by an admin).',
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths: {
      '/api/v1/models': {
        get: { summary: 'List models', responses: ok(z.object({ items: z.array(z.unknown()), total: z.number() })) },
        post: { summary: 'Register a model', requestBody: json(ZCreateModelInput), responses: { '201': { description: 'Created' }, ...errors } },
      },
      '/api/v1/models/{name}': { get: { summary: 'Get a model', requestParams: { path: z.object({ name }) }, responses: ok(z.unknown()) } },
      '/api/v1/models/{name}/versions': {
        get: { summary: 'Search versions (newest first, cursor pagination)', requestParams: { path: z.object({ name }), query: ZSearchVersionsQuery }, responses: ok(z.object({ versions: z.array(ZVersion), nextCursor: z.number().nullable() })) },
        post: {
          summary: 'Register a version with its full record',
          description: 'Idempotent: a retry with the same `Idempotency-Key` header, or a version with the same artifact digest, returns the existing version (200, `Idempotent-Replayed: true`).',
          requestParams: { path: z.object({ name }), header: z.object({ 'idempotency-key': z.string().optional() }) },
          requestBody: json(ZRegisterVersionInput.omit({ model: true })),
          responses: { '201': { description: 'Created', ...json(ZVersion) }, '200': { description: 'Replayed', ...json(ZVersion) }, ...errors },
        },
      },
      '/api/v1/models/{name}/versions/{number}': { get: { summary: 'Get a version', requestParams: versionPath, responses: ok(ZVersion) } },
      ...Object.fromEntries(
        (['promote', 'demote', 'archive', 'restore'] as const).map((action) => [
          `/api/v1/models/{name}/versions/{number}/${action}`,
          { post: { summary: `${action[0]!.toUpperCase()}${action.slice(1)} a version`, requestParams: versionPath, requestBody: json(ZMoveBody), responses: ok(z.unknown()) } },
        ]),
      ),
      '/api/v1/models/{name}/versions/{number}/promotion-requests': {
        post: { summary: 'Request promotion of a Staging version to Production', requestParams: versionPath, requestBody: json(ZRequestProductionBody), responses: { '201': { description: 'Created' }, ...errors } },
      },
      '/api/v1/models/{name}/versions/{number}/canary-requests': {
        post: {
          summary: 'Request a canary share of traffic (1–50 %) beside Production for a Staging version',
          description: 'Decided like a Production request: the policy\'s approval count, never by the requester, the Production gates against the Production version serving now. The share applies when the request is approved and ends when Production changes.',
          requestParams: versionPath,
          requestBody: json(ZCanaryRequestBody),
          responses: { '201': { description: 'Created' }, ...errors },
        },
      },
      '/api/v1/promotion-requests': { get: { summary: 'Pending promotion requests with live gate results', responses: ok(z.unknown()) } },
      '/api/v1/promotion-requests/{id}/approve': { post: { summary: 'Approve (approver role, not the requester)', requestParams: { path: z.object({ id: z.string() }) }, requestBody: json(ZDecisionBody), responses: ok(z.unknown()) } },
      '/api/v1/promotion-requests/{id}/reject': { post: { summary: 'Reject (closes the request)', requestParams: { path: z.object({ id: z.string() }) }, requestBody: json(ZRejectBody), responses: ok(z.unknown()) } },
      '/api/v1/promotion-requests/{id}/cancel': { post: { summary: 'Withdraw your own request', requestParams: { path: z.object({ id: z.string() }) }, responses: ok(z.unknown()) } },
      '/api/v1/models/{name}/rollback': { post: { summary: 'Roll Production back to the last stable version', requestParams: { path: z.object({ name }) }, requestBody: json(ZRollbackBody), responses: ok(z.unknown()) } },
      '/api/v1/models/{name}/aliases/{alias}': {
        put: { summary: "Point an alias at a version (a protected alias — the policy's, `champion` by default — needs approver rights and the Production version or an approved canary)", requestParams: { path: z.object({ name, alias: z.string() }) }, requestBody: json(ZSetAliasBody), responses: ok(z.object({ alias: z.string(), version: z.number().int() })) },
        delete: { summary: 'Remove an alias', requestParams: { path: z.object({ name, alias: z.string() }) }, responses: ok(z.object({ deleted: z.boolean() })) },
      },
      '/api/v1/models/{name}/resolve': { get: { summary: 'The version to serve for a stage or alias', requestParams: { path: z.object({ name }), query: ZResolveQuery }, responses: ok(ZResolved) } },
      '/api/v1/models/{name}/traffic': {
        get: { summary: 'The live split: Production and the approved canary shares, with who approved each', requestParams: { path: z.object({ name }) }, responses: ok(z.unknown()) },
        put: {
          summary: 'Set the split within what approvers approved (weights sum to 100; a canary left out ends)',
          requestParams: { path: z.object({ name }) },
          requestBody: json(z.object({ routes: z.array(z.object({ version: z.number().int().positive(), weight: z.number().int() })).max(10) })),
          responses: ok(z.unknown()),
        },
      },
      '/api/v1/models/{name}/route': { get: { summary: 'The version that serves a routing key under the live split (deterministic)', requestParams: { path: z.object({ name }), query: z.object({ key: z.string() }) }, responses: ok(z.unknown()) } },
      '/api/v1/models/{name}/redirects': { get: { summary: 'Former names that still resolve to this model after a rename', requestParams: { path: z.object({ name }) }, responses: ok(z.object({ redirects: z.array(z.object({ oldName: z.string(), createdAt: z.string() })) })) } },
      '/api/v1/models/{name}/redirects/{oldName}': { delete: { summary: 'Stop resolving a former name (approver role; audited)', requestParams: { path: z.object({ name, oldName: z.string() }) }, responses: ok(z.object({ removed: z.string() })) } },
      '/api/v1/audit': { get: { summary: 'Audit events, newest first (keyset pagination with `before`)', requestParams: { query: ZAuditPageQuery }, responses: ok(z.unknown()) } },
    },
  });
}
