// The observability wrapper as a caller and an operator see it: the request id comes back in the answer and is on
// the access line and on the line of an unhandled error, and the route is labelled by its template.
import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

const lines = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock('@/lib/observability/logger', async () => {
  const { default: pinoLib } = await import('pino');
  const { Writable: W } = await import('node:stream');
  const sink = new W({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  return { logger: pinoLib({ level: 'info' }, sink) };
});

const { publicRoute } = await import('@/lib/http/route');
const { logger } = await import('@/lib/observability/logger');

const failing = publicRoute({
  summary: 'fails',
  params: z.object({ name: z.string() }),
  response: z.object({ ok: z.boolean() }),
  handler: async () => {
    throw new Error('the disk is on fire');
  },
});
const polled = (fail: boolean) =>
  publicRoute({
    summary: fail ? 'polled, failing' : 'polled',
    params: z.object({ name: z.string() }),
    response: z.object({ ok: z.boolean() }),
    accessLog: 'debug',
    handler: async () => {
      if (fail) throw new Error('the cache is on fire');
      return { ok: true };
    },
  });
const working = publicRoute({ summary: 'works', params: z.object({ name: z.string() }), response: z.object({ ok: z.boolean() }), handler: async () => ({ ok: true }) });

const call = (handler: typeof working, name: string, headers: Record<string, string> = {}) =>
  handler(new NextRequest(`http://localhost/api/things/${encodeURIComponent(name)}/check`, { headers }), { params: Promise.resolve({ name }) });

beforeEach(() => {
  lines.length = 0;
});

describe('observed routes', () => {
  it('logs an unhandled error with the id the caller gets back, and hides it from the caller', async () => {
    const answer = await call(failing, 'm1', { 'x-request-id': 'lb-123.abc' });
    expect(answer.status).toBe(500);
    expect(answer.headers.get('x-request-id')).toBe('lb-123.abc');
    expect(JSON.stringify(await answer.json())).not.toContain('disk');
    const error = lines.find((l) => l.msg === 'unhandled error');
    expect(error).toMatchObject({ reqId: 'lb-123.abc', level: 50 });
    expect(JSON.stringify(error)).toContain('the disk is on fire');
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ reqId: 'lb-123.abc', status: 500, method: 'GET', route: '/api/things/[name]/check' });
  });

  it('writes one access line per request, each with its own new id and the route template, never the raw name', async () => {
    const first = await call(working, 'model-a');
    const second = await call(working, 'model b/ü');
    expect([first.status, second.status]).toEqual([200, 200]);
    const access = lines.filter((l) => l.msg === 'request');
    expect(access).toHaveLength(2);
    expect(access.map((l) => l.reqId)).toEqual([first.headers.get('x-request-id'), second.headers.get('x-request-id')]);
    expect(access[0]!.reqId).not.toBe(access[1]!.reqId);
    for (const line of access) expect(line).toMatchObject({ method: 'GET', route: '/api/things/[name]/check', status: 200 });
    expect(JSON.stringify(lines)).not.toContain('model-a');
  });

  it('logs a polled route\'s successes only at debug, and its errors at info like any route', async () => {
    const ok = await call(polled(false), 'served-model');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBeTruthy();
    expect(lines.filter((l) => l.msg === 'request')).toEqual([]);
    const failed = await call(polled(true), 'served-model');
    expect(failed.status).toBe(500);
    expect(lines.filter((l) => l.msg === 'request')).toEqual([expect.objectContaining({ level: 30, status: 500, reqId: failed.headers.get('x-request-id') })]);
    logger.level = 'debug';
    try {
      const seen = await call(polled(false), 'served-model');
      expect(lines.filter((l) => l.msg === 'request' && l.status === 200)).toEqual([expect.objectContaining({ level: 20, reqId: seen.headers.get('x-request-id') })]);
    } finally {
      logger.level = 'info';
    }
  });
});
