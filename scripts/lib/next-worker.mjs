// One app worker of `npm start` (forked by serve-cluster.mjs): the production Next.js server, started through
// Next's programmatic API (a custom server, as Next.js documents it) so that the hot API calls skip Next's router.
//
// Requests with a bearer token for a route offered to the fast path — the serving reads (GET …/resolve, …/route)
// and registration (POST /api/v1/models/:name/versions, MLflow's model-versions/create and registered-models/create)
// — are handed to the route's own exported handler (lib/serving/fast-path.ts: the route file offers it; nothing is
// re-implemented here), with the response headers next.config.js gives every path. A POST's body is read here only
// when it declares a Content-Length within the route's own limit. Everything else — and those routes too until
// Next has loaded them once, a session cookie instead of a token, HEAD, a trailing slash, a name that is not
// valid percent-encoding, a chunked or oversized body — goes to Next as before. MODELGATE_FAST_PATH=off sends
// everything to Next.
//
// A model's board, requested again by the same session while the database is unchanged, is sent as Next last
// rendered it for that session (scripts/lib/page-cache.mjs says how "unchanged" is proven).
// MODELGATE_PAGE_CACHE=off renders every board.
//
// usage: node next-worker.mjs [-p PORT] [-H HOSTNAME] (the arguments of `next start` that npm start passes)
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createPageCache } from './page-cache.mjs';

process.env.NODE_ENV = 'production';
const dir = process.cwd();
const require = createRequire(path.join(dir, 'package.json'));
const next = require('next');

function option(short, long, fallback) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === short || a === long);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}
const port = Number(option('-p', '--port', process.env.PORT ?? '3000'));
const hostname = option('-H', '--hostname', process.env.HOSTNAME);

const app = next({ dev: false, dir, hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();
// Only now: next/server needs the runtime Next sets up (its async-local storage).
const { NextRequest } = require('next/server');
const config = require(path.join(dir, 'next.config.js'));
// What Next's own server adds to every app-route answer, taken from Next itself: its gzip middleware (unless
// `compress: false`) and the Vary header of app routes.
const compress = config.compress === false ? null : require('next/dist/compiled/compression')();
const { RSC_HEADER, NEXT_ROUTER_STATE_TREE_HEADER, NEXT_ROUTER_PREFETCH_HEADER, NEXT_ROUTER_SEGMENT_PREFETCH_HEADER } = require('next/dist/client/components/app-router-headers');
const APP_ROUTE_VARY = [RSC_HEADER, NEXT_ROUTER_STATE_TREE_HEADER, NEXT_ROUTER_PREFETCH_HEADER, NEXT_ROUTER_SEGMENT_PREFETCH_HEADER].join(', ');

/**
 * The headers next.config.js sets on every path, which Next adds to every answer. Only rules for all paths
 * ("/:path*", no conditions) can be applied here without Next's matcher; any other rule turns the fast path off,
 * so an answer never misses a header Next would have sent.
 */
async function headersForEveryPath() {
  const rules = typeof config.headers === 'function' ? await config.headers() : [];
  if (rules.some((r) => r.source !== '/:path*' || r.has || r.missing || r.basePath === false || r.locale === false)) return null;
  return rules.flatMap((r) => r.headers);
}
const fixedHeaders = process.env.MODELGATE_FAST_PATH === 'off' ? null : await headersForEveryPath();

/** The request's headers as a Headers object, repeated ones appended as Next's adapter does. */
function headersOf(req) {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

/**
 * The body of a request the fast path takes: only one that declares its Content-Length, within the route's limit
 * (Node's parser then delivers exactly that many bytes). Null means Next reads it: a chunked body, or one
 * declared over the limit, which the route's own reader refuses there with its own error.
 */
function declaredBodySize(req, maxBytes) {
  if (req.headers['transfer-encoding'] !== undefined) return null;
  const declared = req.headers['content-length'];
  if (declared === undefined) return 0;
  if (!/^\d+$/.test(declared)) return null;
  const size = Number(declared);
  return size <= maxBytes ? size : null;
}

function readBody(req, size) {
  if (size === 0) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('the client stopped sending')));
  });
}

/** Answers the request through the route's own handler, or returns false to leave it to Next. */
function serveFast(req, res) {
  if (!fixedHeaders) return false;
  const authorization = req.headers.authorization;
  if (typeof authorization !== 'string' || !/^Bearer\s/i.test(authorization)) return false;
  const fastPath = globalThis[Symbol.for('modelgate.fastPath')];
  if (!fastPath) return false;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const rawPath = query === -1 ? url : url.slice(0, query);
  const route = fastPath.match(req.method, rawPath);
  if (!route) return false;
  const hasBody = req.method !== 'GET';
  const size = hasBody ? declaredBodySize(req, route.maxBodyBytes) : 0;
  if (size === null) return false;
  let parsed;
  let headers;
  try {
    parsed = new URL(url, `http://${req.headers.host ?? 'localhost'}`);
    headers = headersOf(req);
  } catch {
    return false;
  }
  // A path the URL parser would rewrite (dot segments, backslashes…) is Next's to route, not ours.
  if (parsed.pathname !== rawPath) return false;
  if (!hasBody) respondFast(req, res, route, () => new NextRequest(parsed, { method: req.method, headers }));
  else {
    readBody(req, size).then(
      // As Next's adapter builds it: a POST has a body, empty or not, for the handler to read.
      (body) => respondFast(req, res, route, () => new NextRequest(parsed, { method: req.method, headers, body: body ?? new Uint8Array(0) })),
      // The client stopped sending: there is nobody to answer.
      () => res.destroy(),
    );
  }
  return true;
}

/** Sends the route's answer to the request `build` makes, with the headers Next adds to every app-route answer. */
function respondFast(req, res, route, build) {
  new Promise((resolve) => resolve(route.serve(build()))).then(
    async (response) => {
      const body = response.status === 304 ? null : Buffer.from(await response.arrayBuffer());
      for (const { key, value } of fixedHeaders) res.setHeader(key, value);
      response.headers.forEach((value, key) => res.setHeader(key, value));
      res.appendHeader('vary', APP_ROUTE_VARY);
      res.statusCode = response.status;
      if (compress) compress(req, res, () => {});
      // Written, then ended, as Next streams a route's body (so the gzip middleware decides the same way).
      if (body) res.write(body);
      res.end();
    },
    (error) => {
      console.error('[modelgate] fast path:', error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    },
  );
}

/** The board cache, on its own small pool: one `SELECT pg_current_snapshot()` per cached answer. */
function boardCache() {
  if (process.env.MODELGATE_PAGE_CACHE === 'off' || !process.env.DATABASE_URL || !process.env.NEXTAUTH_SECRET) return null;
  const pg = require('pg');
  // A database that does not answer within a second: the board goes to Next, as it would without the cache.
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2, idleTimeoutMillis: 60_000, connectionTimeoutMillis: 1_000, query_timeout: 1_000, application_name: 'modelgate page cache' });
  pool.on('error', () => {}); // a broken idle connection is replaced on the next query
  const { getToken } = require('next-auth/jwt');
  // Next's own cookie parser, as its request adapter uses it.
  const { parse: parseCookies } = require('next/dist/compiled/cookie');
  const cookiesOf = (header) => new Map(Object.entries(parseCookies(String(header ?? ''))));
  return createPageCache({
    handle,
    compress,
    snapshot: async () => (await pool.query('SELECT pg_current_snapshot()::text AS s')).rows[0].s,
    // The session cookie itself (never a bearer header): decrypted and checked as next-auth does; its expiry bounds the entry.
    sessionExpiry: async (req) => {
      const token = await getToken({ req: { cookies: cookiesOf(req.headers.cookie), headers: {} }, secret: process.env.NEXTAUTH_SECRET, logger: { error() {}, warn() {}, debug() {} } });
      return token && typeof token.exp === 'number' ? token.exp * 1000 : null;
    },
    onError: (error) => console.error('[modelgate] page cache:', error instanceof Error ? error.message : error),
  });
}
const pageCache = boardCache();
globalThis[Symbol.for('modelgate.pageCache')] = pageCache?.stats;

// The benchmark's only (MODELGATE_OBSERVE=switchable, lib/http/observe.ts): its parent turns observability off and on
// in this process, over the IPC channel it spawned the worker with, and waits for the answer.
if (process.env.MODELGATE_OBSERVE === 'switchable' && process.send) {
  process.on('message', (message) => {
    if (typeof message?.observe !== 'boolean') return;
    globalThis[Symbol.for('modelgate.observabilitySwitchedOff')] = !message.observe;
    process.send({ observing: message.observe });
  });
}

const server = createServer((req, res) => {
  if (!serveFast(req, res) && !pageCache?.serve(req, res)) void handle(req, res);
});
server.on('error', (error) => {
  console.error(`[modelgate] the app worker could not listen: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => console.log(`[modelgate] app worker ${process.pid} ready on ${hostname ?? '*'}:${port}`));

// Stop as `next start` does: no new connections, finish the requests in flight, close Next, exit 128 + signal.
let stopping = false;
for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app.close().catch(console.error).finally(() => process.exit(code));
    });
  });
}
