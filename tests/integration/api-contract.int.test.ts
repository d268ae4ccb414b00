// The route contracts and the OpenAPI document built from them: every public route is documented from
// its own declaration, nothing is left as "unknown", and every list is bounded (a max page and a cursor).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OPERATIONS } from '@/app/api/openapi.json/operations';
import * as openapiRoute from '@/app/api/openapi.json/route';
import { contractOf, isRawResponse, type AnyContract, type ResponseSpec } from '@/lib/http/contract';
import { buildOpenApiDocument } from '@/lib/http/openapi';
import { call } from './api-client';

const routeModules = import.meta.glob('../../app/api/**/route.ts', { eager: true }) as Record<string, Record<string, unknown>>;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
// Not part of the public description: MLflow's own API, next-auth, and the description itself.
const UNDOCUMENTED = [/^\/api\/2\.0\//, /^\/api\/auth\//, /^\/api\/openapi\.json$/];

interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
}
/** The schema itself, following the top-level $ref that a schema with an id becomes. */
const topLevel = (schema: unknown): JsonSchema => {
  const s = schema as JsonSchema;
  return s.$ref ? (s.$defs?.[s.$ref.replace('#/$defs/', '')] ?? s) : s;
};

const pathOf = (file: string) => file.replace('../../app', '').replace(/\/route\.ts$/, '').replace(/\[([^\]]+)\]/g, '{$1}');
const contractsOf = (module: Record<string, unknown>) =>
  METHODS.filter((m) => module[m] !== undefined).map((method) => ({ method, contract: contractOf(module[method]) }));

describe('route contracts', () => {
  it('lists every public route file in the OpenAPI index under its own path', () => {
    const indexed = new Map(OPERATIONS.map((o) => [o.module, o.path]));
    const expected: string[] = [];
    for (const [file, module] of Object.entries(routeModules)) {
      const path = pathOf(file);
      if (UNDOCUMENTED.some((p) => p.test(path))) continue;
      const internal = contractsOf(module).every(({ contract }) => contract?.internal);
      if (internal) continue;
      expected.push(path);
      expect(indexed.get(module), `${file} is missing from app/api/openapi.json/operations.ts, or listed under another path`).toBe(path);
    }
    expect(OPERATIONS.map((o) => o.path).sort()).toEqual(expected.sort());
  });

  it('gives every v1 handler a contract: a route without one fails here', () => {
    for (const [file, module] of Object.entries(routeModules)) {
      if (!file.includes('/api/v1/')) continue;
      for (const { method, contract } of contractsOf(module)) {
        expect(contract, `${method} ${pathOf(file)} needs route() from lib/http/route`).not.toBeNull();
        expect(contract!.internal, `${method} ${pathOf(file)} is public API and cannot be internal`).toBeFalsy();
      }
    }
  });

  it('documents every operation from its contract, with no unknown responses', async () => {
    const doc = (await call(openapiRoute.GET as never, {})).json as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/models/{name}/traffic',
        '/api/v1/models/{name}/route',
        '/api/v1/models/{name}/health',
        '/api/v1/models/{name}/versions/{number}/override',
        '/api/v1/promotion-requests/{id}/cancel',
        '/api/admin/tokens',
        '/api/health',
      ]),
    );
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        expect(success.length, `${method} ${path} documents a success answer`).toBeGreaterThan(0);
        for (const [status, response] of success) {
          for (const [type, media] of Object.entries(response.content ?? {})) {
            if (type !== 'application/json') continue;
            // An empty schema is what z.unknown() produces: the answer would be undocumented.
            expect(Object.keys(media.schema), `${method} ${path} ${status} has a real schema`).not.toHaveLength(0);
          }
        }
      }
    }
    expect(Object.keys(doc.components.schemas.Version?.properties ?? {})).toEqual(expect.arrayContaining(['trainingDurationSec', 'trainingResources', 'parents', 'aliases']));
    // Internal read models stay out of the public description.
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/models/'))).toEqual([]);
  });

  it('refuses to build a description for a handler without a contract', () => {
    const bare = { GET: async () => new Response('{}') };
    expect(() => buildOpenApiDocument('http://localhost', [{ path: '/api/v1/bare', module: bare }])).toThrow(/has no route contract/);
  });

  // Arrays whose size the write side already bounds, so their answer cannot grow without limit. (One
  // resource's own arrays — a version's metrics, a model's tags — are bounded by its registration schema.)
  const BOUNDED_BY_WRITES: Record<string, string> = {
    'GET /api/v1/models/{name}/traffic routes': 'a split has at most 10 shares',
    'GET /api/v1/models/{name}/route split': 'a split has at most 10 shares',
    'GET /api/v1/models/{name}/traffic canaries': 'canaries hold at most 50 % together, 1 % each at least',
    'GET /api/v1/models/{name}/redirects redirects': 'one per rename of this model, by an approver',
    // A dry run is one answer about the whole model, not a list to page through: capped, with the totals beside.
    'GET /api/v1/models/{name}/retention/preview archive': 'at most RETENTION_PREVIEW_LIMIT (200) rows; archiveCount is the total',
    'GET /api/v1/models/{name}/retention/preview kept': 'at most RETENTION_PREVIEW_LIMIT (200) rows; keptCount is the total',
  };

  it('bounds every list: a maximum page size and a cursor on each answer that holds an array', () => {
    const unbounded: string[] = [];
    const lists: string[] = [];
    for (const { path, module } of OPERATIONS) {
      for (const { method, contract } of contractsOf(module)) {
        const c = contract as AnyContract;
        const oneResource = /\}$/.test(path);
        if (method !== 'GET' || oneResource || isRawResponse(c.response as ResponseSpec)) continue;
        const response = topLevel(z.toJSONSchema(c.response as z.ZodType, { io: 'output', unrepresentable: 'any' }));
        const arrays = Object.entries(response.properties ?? {}).filter(([, p]) => p.type === 'array').map(([k]) => k);
        for (const field of arrays) {
          if (BOUNDED_BY_WRITES[`${method} ${path} ${field}`]) continue;
          lists.push(`${method} ${path}`);
          const query = c.query ? topLevel(z.toJSONSchema(c.query as z.ZodType, { io: 'input', unrepresentable: 'any' })) : { properties: {} };
          const size = query.properties?.limit ?? query.properties?.pageSize;
          const cursor = ['cursor', 'before', 'page'].some((k) => query.properties?.[k]);
          if (!size?.maximum || !cursor) unbounded.push(`${method} ${path} (${field})`);
        }
      }
    }
    expect(unbounded, 'give these lists a maximum page size and a cursor').toEqual([]);
    expect(lists).toEqual(expect.arrayContaining(['GET /api/v1/models', 'GET /api/v1/audit', 'GET /api/v1/promotion-requests', 'GET /api/admin/users', 'GET /api/admin/webhooks/{id}/deliveries']));
  });
});
