// The board cache of npm start's worker, in front of a stand-in for Next on a real HTTP server: what it keeps,
// when it answers from what it kept, and everything it must leave to Next.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
// @ts-expect-error: a plain ES module of the worker, without types
import { createPageCache } from './page-cache.mjs';
// @ts-expect-error: Next's own copy of the compression middleware, as the worker uses it
import compression from 'next/dist/compiled/compression';

// Over the gzip middleware's 1 KB threshold, as every real board is.
const BOARD = (n: number) => `<html><head><meta name="modelgate-page-cache" content="board"/></head><body>render ${n}${' card'.repeat(300)}</body></html>`;
const SESSION = 'next-auth.session-token=abc';

interface Harness {
  base: string;
  renders: () => number;
  setSnapshot: (s: string) => void;
  setNow: (t: number) => void;
  setPage: (page: (n: number, req: IncomingMessage, res: ServerResponse) => void) => void;
  cache: { stats: { hits: number; misses: number; bypassed: number } };
}

let server: Server;
let h: Harness;

beforeEach(async () => {
  let renders = 0;
  let snapshot = '100:100:';
  let now = 1_000_000;
  let failSnapshot = false;
  let page = (n: number, _req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'private, no-cache, no-store, max-age=0, must-revalidate');
    res.write(BOARD(n).slice(0, 20));
    res.end(BOARD(n).slice(20));
  };
  const cache = createPageCache({
    handle: (req: IncomingMessage, res: ServerResponse) => page(++renders, req, res),
    snapshot: async () => {
      if (failSnapshot) throw new Error('database down');
      return snapshot;
    },
    sessionExpiry: async () => now + 3_600_000,
    compress: compression(),
    now: () => now,
    ttlMs: 15_000,
  });
  server = createServer((req, res) => {
    if (!cache.serve(req, res)) {
      res.statusCode = 299;
      res.end('left to the caller');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  h = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    renders: () => renders,
    setSnapshot: (s) => {
      if (s === 'fail') failSnapshot = true;
      else snapshot = s;
    },
    setNow: (t) => (now = t),
    setPage: (p) => (page = p),
    cache,
  };
});

afterEach(async () => {
  await new Promise((r) => server.close(r));
});

async function get(path: string, headers: Record<string, string> = { cookie: SESSION }) {
  const res = await fetch(h.base + path, { headers: { 'accept-encoding': 'identity', ...headers } });
  const body = await res.text();
  // The cache stores what it considers after the answer ends; let that finish before the next request.
  await new Promise((r) => setTimeout(r, 20));
  return { status: res.status, body, cache: res.headers.get('x-modelgate-page-cache'), headers: res.headers };
}

describe('the board cache of the worker', () => {
  it('sends the same session its board again while the database snapshot is unchanged, without rendering', async () => {
    const first = await get('/models/churn');
    const second = await get('/models/churn');
    expect(first).toMatchObject({ status: 200, cache: 'miss', body: BOARD(1) });
    expect(second).toMatchObject({ status: 200, cache: 'hit', body: BOARD(1) });
    expect(second.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(h.renders()).toBe(1);
    expect(h.cache.stats).toMatchObject({ hits: 1, misses: 1 });
  });

  it('renders again as soon as anything was committed (the snapshot moved), and keeps the new render', async () => {
    await get('/models/churn');
    h.setSnapshot('100:107:');
    expect(await get('/models/churn')).toMatchObject({ cache: 'miss', body: BOARD(2) });
    expect(await get('/models/churn')).toMatchObject({ cache: 'hit', body: BOARD(2) });
  });

  it('does not keep a render during which something was committed', async () => {
    h.setPage((n, _req, res) => {
      h.setSnapshot(`100:${200 + n}:`); // a commit while rendering
      res.setHeader('content-type', 'text/html');
      res.end(BOARD(n));
    });
    await get('/models/churn');
    expect(await get('/models/churn')).toMatchObject({ cache: 'miss', body: BOARD(2) });
  });

  it('keys on the cookies, the URL and the host: another session or query never sees this render', async () => {
    await get('/models/churn');
    expect(await get('/models/churn', { cookie: 'next-auth.session-token=other' })).toMatchObject({ cache: 'miss', body: BOARD(2) });
    expect(await get('/models/churn?select=1')).toMatchObject({ cache: 'miss', body: BOARD(3) });
    expect(await get('/models/other')).toMatchObject({ cache: 'miss' });
    expect(await get('/models/churn')).toMatchObject({ cache: 'hit', body: BOARD(1) });
  });

  it('leaves to Next whatever it must not answer: no session, RSC requests, other pages, HEAD', async () => {
    expect((await get('/models/churn', {})).status).toBe(299);
    expect((await get('/models/churn', { cookie: SESSION, rsc: '1' })).status).toBe(299);
    expect((await get('/models/churn?_rsc=abc')).status).toBe(299);
    expect((await get('/models/churn/versions/3')).status).toBe(299);
    expect((await get('/models')).status).toBe(299);
    expect((await get('/api/v1/models/churn')).status).toBe(299);
    const head = await fetch(`${h.base}/models/churn`, { method: 'HEAD', headers: { cookie: SESSION } });
    expect(head.status).toBe(299);
    expect(h.renders()).toBe(0);
  });

  it('keeps only a complete 200 HTML page that declared itself cacheable, without Set-Cookie or an error boundary', async () => {
    const pages: ((res: ServerResponse) => void)[] = [
      (res) => ((res.statusCode = 404), res.setHeader('content-type', 'text/html'), res.end(BOARD(0))),
      (res) => (res.setHeader('content-type', 'text/html'), res.end('<html>an error page</html>')),
      (res) => (res.setHeader('content-type', 'text/html'), res.setHeader('set-cookie', 'a=b'), res.end(BOARD(0))),
      (res) => (res.setHeader('content-type', 'application/json'), res.end(BOARD(0))),
      (res) => (res.setHeader('content-type', 'text/html'), res.end(`${BOARD(0)}<!--$!--><template data-dgst="4125"></template>`)),
    ];
    for (const page of pages) {
      h.setPage((_n, _req, res) => page(res));
      await get('/models/churn');
      expect((await get('/models/churn')).cache).toBe('miss');
    }
    // A part loaded in the browser on purpose (next/dynamic with ssr: false) is not an error.
    h.setPage((n, _req, res) => (res.setHeader('content-type', 'text/html'), res.end(`${BOARD(n)}<!--$!--><template data-dgst=""></template>`)));
    await get('/models/churn');
    expect((await get('/models/churn')).cache).toBe('hit');
  });

  it('forgets a render after its time to live, and never answers past the session expiry', async () => {
    await get('/models/churn');
    h.setNow(1_000_000 + 15_001);
    expect(await get('/models/churn')).toMatchObject({ cache: 'miss', body: BOARD(2) });
  });

  it('answers gzip to a client that asks for it, from the same kept page', async () => {
    await get('/models/churn');
    const res = await fetch(`${h.base}/models/churn`, { headers: { cookie: SESSION, 'accept-encoding': 'gzip' } });
    expect(res.headers.get('x-modelgate-page-cache')).toBe('hit');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes gzip itself; the raw bytes are checked with the header above and a manual gunzip below.
    expect(await res.text()).toBe(BOARD(1));
    const raw = await new Promise<Buffer>((resolve, reject) => {
      import('node:http').then(({ get: httpGet }) =>
        httpGet(`${h.base}/models/churn`, { headers: { cookie: SESSION, 'accept-encoding': 'gzip' } }, (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
        }),
      );
    });
    expect(gunzipSync(raw).toString()).toBe(BOARD(1));
  });

  it('renders through Next and keeps nothing when the database cannot give a snapshot', async () => {
    h.setSnapshot('fail');
    expect(await get('/models/churn')).toMatchObject({ status: 200, body: BOARD(1) });
    expect(await get('/models/churn')).toMatchObject({ status: 200, body: BOARD(2) });
    expect(h.cache.stats.bypassed).toBe(2);
  });
});
