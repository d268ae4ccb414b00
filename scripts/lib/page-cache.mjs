// The rendered board, kept by `npm start`'s worker for the very request that produced it, and served again only
// while the database is provably unchanged.
//
// A board is a function of its URL, the cookies that name the viewer, the build, and what the database holds.
// The first three are the cache key. For the last, Postgres says exactly when nothing has changed:
// `pg_current_snapshot()` moves whenever any transaction that wrote anything ends (its xmax or its list of running
// transactions changes), so an answer rendered while the snapshot stood still holds precisely the state of that
// snapshot, and may be sent again as long as a fresh snapshot is the same one. Any write — a registration, a
// promotion, a role change or a disabled account, from any instance, the MLflow API or psql — ends that, and the
// next request renders anew (and is redirected to /signin, or answered 404, as Next decides). There is no list
// of tables to keep in step and nothing to notify. The answer is kept only when the page declared itself
// cacheable (its <meta name="modelgate-page-cache">, rendered only after its data loaded: an error page never
// has it), React rendered every part (no boundary left to the browser by an error), the status is 200 HTML without Set-Cookie,
// and for at most `ttlMs` and never past the session token's expiry (relative times such as "2 minutes ago"
// are rendered on the server).
//
// A hit costs one `SELECT pg_current_snapshot()` instead of a render. React Server Component requests (client
// navigations, prefetches), HEAD and server actions always go to Next.

const MARKER = 'name="modelgate-page-cache"';
// React's mark of a Suspense boundary it gave up rendering on the server. Next gives a real error a digest (a
// hash the browser reports); a component loaded with `ssr: false` (the board's trend chart) bails out with none.
const CLIENT_RENDERED_BOUNDARY = /<!--\$!-->(?!<template data-dgst=""><\/template>)/;
const NEXT_REQUEST_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url'];
// Headers of the captured answer that belong to one transfer, not to the page.
const PER_TRANSFER = new Set(['content-length', 'transfer-encoding', 'date', 'connection', 'keep-alive', 'content-encoding']);

/** The pages kept: a model's board, /models/<name> (its other pages have further segments). */
export const CACHEABLE_PAGES = [/^\/models\/[^/?]+$/];

/**
 * @param {{
 *   handle: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown,
 *   snapshot: () => Promise<string>,
 *   sessionExpiry: (req: import('node:http').IncomingMessage) => Promise<number | null>,
 *   compress?: ((req: unknown, res: unknown, next: () => void) => void) | null,
 *   now?: () => number,
 *   ttlMs?: number,
 *   maxEntries?: number,
 *   maxBytes?: number,
 *   onError?: (error: unknown) => void,
 * }} options
 */
export function createPageCache({ handle, snapshot, sessionExpiry, compress = null, now = Date.now, ttlMs = 15_000, maxEntries = 256, maxBytes = 64 * 1024 * 1024, onError = () => {} }) {
  /** @type {Map<string, { snapshot: string, expiresAt: number, status: number, headers: [string, string | string[]][], body: Buffer }>} */
  const entries = new Map();
  let bytes = 0;
  // Read by /api/metrics (modelgate_serving_cache_lookups_total{cache="board_page"}); bypassed: no snapshot.
  const stats = { hits: 0, misses: 0, bypassed: 0, stored: 0 };

  function forget(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length;
  }

  function keep(key, entry) {
    forget(key);
    entries.set(key, entry);
    bytes += entry.body.length;
    // Oldest first: a Map iterates in insertion order and a hit re-inserts.
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      forget(oldest);
    }
  }

  function keyOf(req) {
    if (req.method !== 'GET') return null;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    if (!CACHEABLE_PAGES.some((page) => page.test(path))) return null;
    if (query !== -1 && /(^|&)_rsc=/.test(url.slice(query + 1))) return null;
    if (NEXT_REQUEST_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
    const cookie = req.headers.cookie;
    if (typeof cookie !== 'string' || !cookie.includes('next-auth.session-token')) return null;
    return `${req.headers.host ?? ''}\n${url}\n${cookie}`;
  }

  /** The client's own request headers, for the gzip middleware, which reads them when the answer starts. */
  function compressAs(req, res, headers) {
    if (compress) compress({ headers, method: req.method, url: req.url }, res, () => {});
  }

  function sendHit(req, res, entry) {
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader('x-modelgate-page-cache', 'hit');
    res.statusCode = entry.status;
    compressAs(req, res, req.headers);
    res.end(entry.body);
  }

  function renderAndKeep(req, res, key, before) {
    stats.misses += 1;
    const clientHeaders = { ...req.headers };
    // Next renders plain bytes, so what is kept is the page itself; the client gets them as it asked (gzip).
    delete req.headers['accept-encoding'];
    compressAs(req, res, clientHeaders);
    const chunks = [];
    let size = 0;
    let tooBig = false;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const capture = (chunk, encoding) => {
      if (tooBig || chunk == null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
      size += buffer.length;
      if (size > maxBytes / 8) tooBig = true;
      else chunks.push(buffer);
    };
    res.write = (chunk, encoding, callback) => {
      capture(chunk, encoding);
      return write(chunk, encoding, callback);
    };
    res.end = (chunk, encoding, callback) => {
      capture(chunk, encoding);
      const result = end(chunk, encoding, callback);
      if (!tooBig) void consider(req, res, key, before, Buffer.concat(chunks));
      return result;
    };
    res.setHeader('x-modelgate-page-cache', 'miss');
    void handle(req, res);
  }

  async function consider(req, res, key, before, body) {
    const type = String(res.getHeader('content-type') ?? '');
    if (res.statusCode !== 200 || !type.startsWith('text/html') || res.getHeader('set-cookie') !== undefined) return;
    const html = body.toString('utf8');
    if (!html.includes(MARKER) || CLIENT_RENDERED_BOUNDARY.test(html)) return;
    const expiry = await sessionExpiry(req);
    if (expiry === null) return;
    // Only if nothing was committed while the page rendered: then every statement of the render saw `before`.
    if ((await snapshot()) !== before) return;
    const headers = Object.entries(res.getHeaders())
      .filter(([name]) => !PER_TRANSFER.has(name) && name !== 'x-modelgate-page-cache')
      .map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)]);
    keep(key, { snapshot: before, expiresAt: Math.min(now() + ttlMs, expiry), status: 200, headers, body });
    stats.stored += 1;
  }

  /** Answers from the cache or renders through Next (keeping the answer when it may); false leaves it to the caller. */
  function serve(req, res) {
    const key = keyOf(req);
    if (!key) return false;
    snapshot().then(
      (current) => {
        const entry = entries.get(key);
        if (entry && entry.snapshot === current && now() < entry.expiresAt) {
          stats.hits += 1;
          keep(key, entry);
          sendHit(req, res, entry);
          return;
        }
        if (entry) forget(key);
        renderAndKeep(req, res, key, current);
      },
      (error) => {
        // Without a snapshot nothing can be proven unchanged: Next answers, nothing is kept.
        stats.bypassed += 1;
        onError(error);
        void handle(req, res);
      },
    );
    return true;
  }

  return { serve, stats, size: () => entries.size, clear: () => { entries.clear(); bytes = 0; } };
}
