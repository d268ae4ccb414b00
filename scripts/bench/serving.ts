// The serving path's rows of `npm run bench`: resolve at c=16 from the cache (200 and 304), route by key,
// and the same resolve with the cache off and on two instances (one per core), each measured in alternating rounds
// on servers of the same build, medians; then observability (request id, metric, access line) on against off in
// back-to-back pairs within one worker.
// Standalone: `tsx scripts/bench/serving.ts [--seconds 5] [--rounds 3]` on the current build (.next).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createTestDatabase, freePort } from '../lib/test-database';
import { migrateDeploy } from '../lib/run';
import { nextArgs } from '../lib/next-bin';
import { load, waitForHealth } from './http';

export interface Server {
  base: string;
  /** CPU seconds (user + system) the server's processes have used so far. */
  cpuSeconds: () => number;
  /** A worker started with MODELGATE_OBSERVE=switchable: turns its observability on or off (lib/http/observe.ts). */
  setObserving?: (on: boolean) => Promise<void>;
  stop: () => Promise<void>;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process and its descendants that are still running, from /proc. */
export function cpuSecondsOf(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        for (const child of readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(child));
      }
    } catch {
      // Gone meanwhile.
    }
  };
  visit(pid);
  return total;
}

/**
 * Starts `next start` on the current build with `env` added, or with `worker`, one worker of `npm start`
 * (scripts/lib/next-worker.mjs, with the serving reads' fast path); stopped by PID.
 */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}, options: { worker?: boolean } = {}): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = options.worker ? ['scripts/lib/next-worker.mjs', '-p', String(port), '-H', '127.0.0.1'] : nextArgs('start', '-p', String(port), '-H', '127.0.0.1');
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: 'bench', NEXTAUTH_URL: base, MODELGATE_WEBHOOKS: 'off', ...env },
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  await waitForHealth(base);
  return {
    base,
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    setObserving: (on) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the worker did not switch its observability (started without MODELGATE_OBSERVE=switchable?)')), 5_000);
        child.once('message', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ observe: on });
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Figure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU per answer: what throughput would be on idle cores, whatever else the machine runs. */
  cpuMs: number;
}

async function measure(servers: Server[], path: string, headers: Record<string, string>, connections: number, seconds: number, keyed = false): Promise<Figure> {
  // Several servers: the connections split between them, run at once, throughput summed.
  const urls = servers.map((server) => `${server.base}${path}`);
  const per = Math.max(1, Math.round(connections / urls.length));
  const cpuBefore = servers.reduce((sum, server) => sum + server.cpuSeconds(), 0);
  const runs = await Promise.all(
    urls.map((url) => {
      let n = 0;
      return load({ url, connections: per, duration: seconds, headers, ...(keyed ? { requests: [{ setupRequest: (req) => ({ ...req, path: `${new URL(url).pathname}?key=user-${(n = (n + 1) % 10_000)}` }) }] } : {}) });
    }),
  );
  const cpu = servers.reduce((sum, server) => sum + server.cpuSeconds(), 0) - cpuBefore;
  const answered = runs.reduce((sum, r) => sum + r.requests.total, 0);
  return {
    cpuMs: (cpu * 1000) / Math.max(answered, 1),
    rps: runs.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
    // A 304 is the answer asked for, not an error: only failures, 4xx and 5xx count.
    errors: runs.reduce((sum, r) => sum + r.errors + (r['4xx'] ?? 0) + (r['5xx'] ?? 0), 0),
  };
}

export interface ServingBenchOptions {
  databaseUrl: string;
  /** The benchmark's main server (cache and observability on). */
  server: Server;
  /** What the main server is, for its rows: `npm start` in `npm run bench`, one `next start` standalone. */
  serverLabel?: string;
  token: string;
  model: string;
  seconds: number;
  rounds?: number;
  row: (what: string, figure: string, ratio?: string) => void;
}

export async function benchServing(options: ServingBenchOptions): Promise<void> {
  const { server, token, model, seconds, row } = options;
  const base = server.base;
  const rounds = options.rounds ?? 3;
  const auth = { authorization: `Bearer ${token}` };
  const resolvePath = `/api/v1/models/${model}/resolve?stage=production`;
  const probe = await fetch(`${base}${resolvePath}`, { headers: auth });
  if (!probe.ok) throw new Error(`resolve probe failed: ${probe.status} ${await probe.text()}`);
  const etag = probe.headers.get('etag');
  const extra = {
    noCache: await startServer(options.databaseUrl, { MODELGATE_CACHE: 'off' }),
    // Observability on the path where it weighs most (a worker's fast path answers in ~0.1–0.3 ms of CPU), switched
    // off and on within the same process: as shipped, and with the access line serving reads leave at debug.
    observed: await startServer(options.databaseUrl, { MODELGATE_OBSERVE: 'switchable' }, { worker: true }),
    everyLine: await startServer(options.databaseUrl, { MODELGATE_OBSERVE: 'switchable', LOG_LEVEL: 'debug' }, { worker: true }),
    // A second instance as operators run one: an npm start worker.
    second: await startServer(options.databaseUrl, {}, { worker: true }),
    worker: await startServer(options.databaseUrl, {}, { worker: true }),
  };
  // The worker offers resolve and route to its fast path once Next has loaded them; and every fresh server gets a
  // second of load first, so no round compares a warm server (JIT, caches) with a cold one.
  for (const w of [extra.worker, extra.observed, extra.everyLine, extra.second]) for (const path of [resolvePath, `/api/v1/models/${model}/route?key=warm`]) await fetch(`${w.base}${path}`, { headers: auth });
  for (const fresh of Object.values(extra)) await measure([fresh], resolvePath, auth, 16, 1);
  try {
    const runs: Record<string, Figure[]> = { health: [], cached: [], notModified: [], route: [], noCache: [], two: [], worker: [], workerRoute: [] };
    for (let round = 0; round < rounds; round++) {
      // The framework's floor on this machine now: one SELECT 1 behind the same server.
      runs.health!.push(await measure([server], '/api/health', {}, 16, seconds));
      runs.cached!.push(await measure([server], resolvePath, auth, 16, seconds));
      runs.worker!.push(await measure([extra.worker], resolvePath, auth, 16, seconds));
      runs.workerRoute!.push(await measure([extra.worker], `/api/v1/models/${model}/route`, auth, 16, seconds, true));
      runs.noCache!.push(await measure([extra.noCache], resolvePath, auth, 16, seconds));
      if (etag) runs.notModified!.push(await measure([server], resolvePath, { ...auth, 'if-none-match': etag }, 16, seconds));
      runs.route!.push(await measure([server], `/api/v1/models/${model}/route`, auth, 16, seconds, true));
      runs.two!.push(await measure([server, extra.second], resolvePath, auth, 16, seconds));
    }
    const m = (name: string) => {
      const list = runs[name]!;
      return { rps: median(list.map((f) => f.rps)), p50: median(list.map((f) => f.p50)), p99: median(list.map((f) => f.p99)), errors: list.reduce((s, f) => s + f.errors, 0), cpuMs: median(list.map((f) => f.cpuMs)) };
    };
    // The capacity column: two idle cores divided by the server's CPU per answer (the load generator not counted).
    const show = (f: Figure) =>
      `${Math.round(f.rps).toLocaleString()} req/s, p50/p99 ${f.p50}/${f.p99} ms, errors ${f.errors}; server CPU ${f.cpuMs.toFixed(2)} ms/answer ≈ ${Math.round(2000 / f.cpuMs).toLocaleString()} req/s on 2 idle cores`;
    const goal = (f: Figure) => `goal ≥ 2,000 req/s and p99 ≤ 15 ms: ${f.rps >= 2000 && f.p99 <= 15 ? 'met' : 'not met'}`;
    const cached = m('cached');
    const noCache = m('noCache');
    const health = m('health');
    row('Health check c=16 (SELECT 1: the framework floor, for scale)', show(health));
    const label = options.serverLabel ?? 'one next start';
    row(`Resolve c=16, cached (${label})`, show(cached), `${goal(cached)}; ${(cached.rps / noCache.rps).toFixed(1)}× the same build without the cache (${show(noCache)}), ${(cached.rps / health.rps).toFixed(2)}× the health check`);
    if (etag) row('Resolve c=16, If-None-Match → 304', show(m('notModified')), goal(m('notModified')));
    row(`Route ?key= c=16, cached, with artifact (${label})`, show(m('route')), goal(m('route')));
    const worker = m('worker');
    row('Resolve c=16, one npm start worker (answered before Next\'s router)', show(worker), `${goal(worker)}; ${(worker.rps / cached.rps).toFixed(2)}× the row above, server CPU ${(worker.cpuMs / cached.cpuMs).toFixed(2)}×`);
    row('Route ?key= c=16, one npm start worker', show(m('workerRoute')), goal(m('workerRoute')));
    const two = m('two');
    row(`Resolve c=16 on two instances (${label}, and an npm start worker)`, show(two), goal(two));
    // Observability's cost is a few per cent of a fast-path answer, and two processes started alike differ by about as
    // much: measured in one worker, switched on and off, as the CPU per answer of 12 back-to-back pairs of 2 s whose
    // order turns each time, so drift lands on both sides of a pair; the cost is the median of the pairs' differences.
    const observability = async (what: string, worker: Server, judged: boolean) => {
      const setObserving = worker.setObserving!;
      const pairs: { cost: number; on: Figure; off: Figure }[] = [];
      for (let pair = 0; pair < 12; pair++) {
        const order = pair % 2 === 0 ? [true, false] : [false, true];
        const figures: Figure[] = [];
        for (const on of order) {
          await setObserving(on);
          figures.push(await measure([worker], resolvePath, auth, 16, 2));
        }
        const [on, off] = order[0] ? [figures[0]!, figures[1]!] : [figures[1]!, figures[0]!];
        pairs.push({ cost: ((on.cpuMs - off.cpuMs) / on.cpuMs) * 100, on, off });
      }
      await setObserving(true);
      const costs = pairs.map((p) => p.cost).sort((x, y) => x - y);
      const cost = median(costs);
      row(
        what,
        `on ${median(pairs.map((p) => p.on.cpuMs)).toFixed(3)} ms, off ${median(pairs.map((p) => p.off.cpuMs)).toFixed(3)} ms (medians of 12 back-to-back pairs of 2 s at c=16 on one worker; ${Math.round(median(pairs.map((p) => p.on.rps))).toLocaleString()} vs ${Math.round(median(pairs.map((p) => p.off.rps))).toLocaleString()} req/s)`,
        `costs ${cost.toFixed(1)} % of the server's CPU per answer, middle half of the pairs ${costs[3]!.toFixed(1)} … ${costs[8]!.toFixed(1)} %${judged ? ` (goal: not visible, ≤ 5 %: ${cost <= 5 ? 'met' : 'not met'})` : ' (LOG_LEVEL=debug, for operators who want every line)'}`,
      );
    };
    await observability('Observability as shipped (request id, metrics, access line of serving reads at debug), on vs off: CPU per fast-path resolve answer', extra.observed, true);
    await observability('Observability with an access line for every resolve (LOG_LEVEL=debug), on vs off, measured alike', extra.everyLine, false);
  } finally {
    await Promise.all(Object.values(extra).map((s) => s.stop()));
  }
}

async function main() {
  const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1] ?? fallback) || fallback;
  const db = await createTestDatabase('bench-serving');
  let server: Server | null = null;
  try {
    await migrateDeploy(db.url);
    process.env.DATABASE_URL = db.url;
    const { prepareActors } = await import('./actors');
    const actors = await prepareActors();
    // bench-governed with a Production version, approved through the real services.
    const id = await actors.stagedRequest(1);
    const { db: prisma } = await import('@/lib/db/prisma');
    const { decideRequest } = await import('@/lib/services/decide-request');
    const approver = await prisma.user.findFirstOrThrow({ where: { email: 'bench-approver@example.com' } });
    await decideRequest({ id: approver.id, label: approver.email, role: 'approver' }, { requestId: id, decision: 'approve' });
    await prisma.$disconnect();
    server = await startServer(db.url);
    console.log('Serving path (c=16, medians of rounds):');
    await benchServing({ databaseUrl: db.url, server, token: actors.viewerToken, model: 'bench-governed', seconds: arg('--seconds', 5), rounds: arg('--rounds', 3), row: (what, figure, ratio) => console.log(`  ${what}: ${figure}${ratio ? `  (${ratio})` : ''}`) });
  } finally {
    await server?.stop();
    await db.drop().catch(() => {});
  }
}

if (process.argv[1]?.endsWith('serving.ts')) {
  main()
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
