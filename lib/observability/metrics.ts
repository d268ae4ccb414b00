import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CacheStats } from '@/lib/serving/cache';

// The figures operators watch, in Prometheus's text format at GET /api/metrics. Everything here is
// cheap on the hot path: a request adds one histogram observation; pools, caches and the outbox are read
// only when Prometheus scrapes. One registry per process, on globalThis (route bundles share it).

interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

interface Sources {
  pools: Map<string, PoolLike>;
  caches: Map<string, CacheStats>;
  gauges: Map<string, () => number>;
}

// npm start's worker keeps rendered boards (scripts/lib/page-cache.mjs) and counts its answers there.
const PAGE_CACHE = Symbol.for('modelgate.pageCache');

function create() {
  const registry = new Registry();
  const sources: Sources = { pools: new Map(), caches: new Map(), gauges: new Map() };
  collectDefaultMetrics({ register: registry, prefix: 'modelgate_' });
  const requestDuration = new Histogram({
    name: 'modelgate_http_request_duration_seconds',
    help: 'API request latency by route template (not the raw URL), method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'modelgate_db_pool_connections',
    help: 'Database connections per pool: total open, idle, requests waiting for one, and the pool size',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      for (const [pool, p] of sources.pools) {
        this.set({ pool, state: 'total' }, p.totalCount);
        this.set({ pool, state: 'idle' }, p.idleCount);
        this.set({ pool, state: 'in_use' }, p.totalCount - p.idleCount);
        this.set({ pool, state: 'waiting' }, p.waitingCount);
        if (p.options?.max !== undefined) this.set({ pool, state: 'max' }, p.options.max);
      }
    },
  });
  new Counter({
    name: 'modelgate_serving_cache_lookups_total',
    help: 'Serving cache lookups by cache and result: hit, miss (read from the database and kept), bypass (the change feed could not vouch for the cache)',
    labelNames: ['cache', 'result'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const pageCache = (globalThis as { [PAGE_CACHE]?: CacheStats })[PAGE_CACHE];
      for (const [cache, s] of pageCache ? [...sources.caches, ['board_page', pageCache] as const] : sources.caches) {
        this.inc({ cache, result: 'hit' }, s.hits);
        this.inc({ cache, result: 'miss' }, s.misses);
        this.inc({ cache, result: 'bypass' }, s.bypassed);
      }
    },
  });
  const outbox = new Gauge({
    name: 'modelgate_webhook_outbox_pending',
    help: 'Webhook deliveries waiting to be sent (the outbox depth), read at scrape time',
    registers: [registry],
  });
  const jobs = new Gauge({
    name: 'modelgate_jobs',
    help: 'The job queue (graphile-worker) at scrape time: jobs waiting to run, and jobs that used up their attempts',
    labelNames: ['state'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'modelgate_gauge',
    help: 'Other live figures: serving watchers connected, change feed live (1/0), change feed reconnects',
    labelNames: ['name'] as const,
    registers: [registry],
    collect() {
      for (const [name, read] of sources.gauges) this.set({ name }, read());
    },
  });
  return { registry, requestDuration, outbox, jobs, sources };
}

const globalForMetrics = globalThis as unknown as { modelgateMetrics?: ReturnType<typeof create> };
export const metrics = (globalForMetrics.modelgateMetrics ??= create());

export function registerPool(name: string, pool: PoolLike): void {
  metrics.sources.pools.set(name, pool);
}

export function registerCacheStats(name: string, stats: CacheStats): void {
  metrics.sources.caches.set(name, stats);
}

export function registerGauge(name: string, read: () => number): void {
  metrics.sources.gauges.set(name, read);
}

export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  metrics.requestDuration.observe({ method, route, status: String(status) }, seconds);
}
