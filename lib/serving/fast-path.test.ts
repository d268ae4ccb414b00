import { describe, expect, it } from 'vitest';
import type { NextRequest } from 'next/server';
import { MAX_BODY_BYTES } from '@/lib/http/body';
import { offerToFastPath } from './fast-path';

type Match = { maxBodyBytes: number; serve: (req: NextRequest) => Promise<Response> } | null;
const fastPath = () => (globalThis as unknown as Record<symbol, { match: (method: string, rawPath: string) => Match }>)[Symbol.for('modelgate.fastPath')]!;

describe('the worker’s fast path', () => {
  const seen: unknown[] = [];
  const handler = (label: string) => async (_req: NextRequest, context: { params: Promise<unknown> }) => {
    seen.push([label, await context.params]);
    return new Response(label);
  };
  offerToFastPath('GET /api/v1/models/:name/resolve', handler('resolve'));
  offerToFastPath('POST /api/v1/models/:name/versions', handler('register'));
  offerToFastPath('POST /api/2.0/mlflow/model-versions/create', handler('mlflow'));
  const req = {} as NextRequest;

  it('matches an offered route by method and path, with the name decoded as Next decodes [name]', async () => {
    const match = fastPath().match('POST', '/api/v1/models/fraud%20v2/versions');
    expect(match?.maxBodyBytes).toBe(MAX_BODY_BYTES);
    expect(await (await match!.serve(req)).text()).toBe('register');
    expect(seen.at(-1)).toEqual(['register', { name: 'fraud v2' }]);
    await fastPath().match('POST', '/api/2.0/mlflow/model-versions/create')!.serve(req);
    expect(seen.at(-1)).toEqual(['mlflow', {}]);
  });

  it('leaves everything else to Next', () => {
    for (const [method, path] of [
      ['GET', '/api/v1/models/fraud/versions'], // offered for POST only
      ['POST', '/api/v1/models/fraud/resolve'],
      ['HEAD', '/api/v1/models/fraud/resolve'],
      ['POST', '/api/v1/models/fraud/versions/'],
      ['POST', '/api/v1/models//versions'],
      ['POST', '/api/v1/models/%E0%A4%A/versions'],
      ['POST', '/api/v1/models/a/b/versions'],
      ['POST', '/api/2.0/mlflow/model-versions/create/'],
      ['POST', '/api/2.0/mlflow/registered-models/create'], // not offered here
      ['GET', '/api/v1/models/fraud/route'],
    ] as const) {
      expect(fastPath().match(method, path), `${method} ${path}`).toBeNull();
    }
  });
});
