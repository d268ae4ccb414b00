// Resource limits of the HTTP layer: a body is read only up to its limit, however it is sent, and one
// list request cannot take the connection pool.
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as versionsRoute from '@/app/api/v1/models/[name]/versions/route';
import * as requestsRoute from '@/app/api/v1/promotion-requests/route';
import { db } from '@/lib/db/prisma';
import { GATE_EVALUATION_CONCURRENCY } from '@/lib/db/queries/requests';
import { createApiToken } from '@/lib/services/create-api-token';
import { moveVersion } from '@/lib/services/move-version';
import { requestProduction } from '@/lib/services/request-production';
import { updatePolicy } from '@/lib/services/update-policy';
import type { Actor } from '@/lib/services/actor';
import { call } from './api-client';
import { makeActor, makeModel, register } from './fixtures';

let token = '';
let admin: Actor;

beforeAll(async () => {
  admin = await makeActor('admin');
  token = (await createApiToken(admin, { name: 'limits', role: 'admin' })).token;
});

/** A chunked body (no Content-Length) of `total` bytes, counting how much the server pulled from it. */
function chunkedBody(total: number) {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

describe('request bodies', () => {
  it('stops reading a chunked body at 1 MB and answers 413, without buffering the rest', async () => {
    const model = (await makeModel(admin)).name;
    const { stream, counter } = chunkedBody(64 * 1024 * 1024);
    const req = new NextRequest(`http://localhost/api/v1/models/${model}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1]);
    expect(req.headers.get('content-length')).toBeNull();
    const response = await versionsRoute.POST(req, { params: Promise.resolve({ name: model }) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    // The stream is cancelled just past the limit (plus what the runtime had already queued), not read to its 64 MB end.
    expect(counter.pulled).toBeLessThan(2 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the limit before reading anything', async () => {
    const model = (await makeModel(admin)).name;
    const { stream, counter } = chunkedBody(8 * 1024 * 1024);
    const req = new NextRequest(`http://localhost/api/v1/models/${model}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(8 * 1024 * 1024) },
      body: stream,
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1]);
    const response = await versionsRoute.POST(req, { params: Promise.resolve({ name: model }) });
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024 * 2);
  });
});

describe('the pending-requests list', () => {
  it('pages with a bounded size and evaluates gates a few transactions at a time', async () => {
    const scientist = await makeActor('scientist');
    const model = (await makeModel(scientist)).name;
    await updatePolicy(admin, { model, policy: { staging: [], production: [{ kind: 'approvals', count: 1 }] } });
    const PENDING = 12;
    for (let i = 1; i <= PENDING; i++) {
      await register(scientist, model);
      await moveVersion(scientist, 'promote', { model, number: i });
      await requestProduction(scientist, { model, number: i, comment: `request ${i}` });
    }

    // Count the transactions open at once while the list is built.
    let open = 0;
    let peak = 0;
    const original = db.$transaction.bind(db);
    const spy = vi.spyOn(db, '$transaction').mockImplementation((async (...args: Parameters<typeof db.$transaction>) => {
      open += 1;
      peak = Math.max(peak, open);
      try {
        return await (original as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        open -= 1;
      }
    }) as typeof db.$transaction);
    try {
      const first = await call(requestsRoute.GET, { token, url: `http://localhost/api?model=${model}&limit=100` });
      expect(first.status).toBe(200);
      expect((first.json as { requests: unknown[] }).requests).toHaveLength(PENDING);
    } finally {
      spy.mockRestore();
    }
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(GATE_EVALUATION_CONCURRENCY);

    // A page size above the maximum is refused; pages follow the cursor, oldest first, without repeats.
    expect((await call(requestsRoute.GET, { token, url: 'http://localhost/api?limit=101' })).status).toBe(400);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(requestsRoute.GET, { token, url: `http://localhost/api?model=${model}&limit=5${cursor ? `&cursor=${cursor}` : ''}` });
      const body = page.json as { requests: { id: string; comment: string }[]; nextCursor: string | null };
      seen.push(...body.requests.map((r) => r.comment));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: PENDING }, (_, i) => `request ${i + 1}`));
    expect((await call(requestsRoute.GET, { token, url: 'http://localhost/api?cursor=no-such-request' })).status).toBe(400);
  });
});

describe('version search', () => {
  it('ends a page early when its versions pass the byte budget, and the cursor continues from there', async () => {
    const scientist = await makeActor('scientist');
    const model = (await makeModel(scientist)).name;
    const card = 'x'.repeat(150_000);
    for (let i = 0; i < 6; i++) await register(scientist, model, { modelCard: card });
    const { searchVersions } = await import('@/lib/api-v1/search-versions');
    const query = { metric: [], limit: 200 };
    // A budget of 400 kB holds two 150 kB versions (the first always fits), then stops.
    const first = await searchVersions(model, query, 400_000);
    expect(first.versions.map((v) => v.number)).toEqual([6, 5]);
    expect(first.nextCursor).toBe(5);
    const rest = await searchVersions(model, { ...query, cursor: first.nextCursor! }, 400_000);
    expect(rest.versions.map((v) => v.number)).toEqual([4, 3]);
    // Through the API, with the default budget (4 MB), all six fit in one answer.
    const all = await call(versionsRoute.GET, { token, params: { name: model }, url: 'http://localhost/api?limit=200' });
    expect((all.json as { versions: unknown[]; nextCursor: number | null })).toMatchObject({ nextCursor: null });
    expect((all.json as { versions: unknown[] }).versions).toHaveLength(6);
  });
});
