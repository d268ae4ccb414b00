// `npm run bench` [-- --full] [--no-build] [--peer mlflow] [--no-start] [--only registration,board,governance,resolve,serving,export,start]: measures Modelgate against Postgres's own
// limits (and, with --peer mlflow, the real MLflow 2.12 server) on this machine, in one run, and prints a table of
// figures, ratios and goals (also written to docs/benchmarks.md).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createTestDatabase, freePort } from '../lib/test-database';
import { ensureBuild } from '../lib/build';
import { migrateDeploy } from '../lib/run';
import { boardGoal, measureBoard } from './board';
import { exportGoal, measureExport } from './export';
import { firstLoadJsFromBuild, firstLoadRow } from './first-load-js';
import { firstLoadJs, load, median, percentile, sessionCookie, timeEach, waitForHealth } from './http';
import { seedScale } from './seed-scale';
import { benchServing, cpuSecondsOf } from './serving';
import { startMlflowPeer, type MlflowPeer } from './peer-mlflow';
import { CALLS_PER_ROUND, CONCURRENCIES, httpTarget, mlflowBody, pgTarget, restBody, ROUNDS, runRounds, type Target } from './registration';
import { measureStart } from './start-time';

const full = process.argv.includes('--full');
const SIZE = full
  ? { models: 500, versions: 200_000, bigModelVersions: 100_000, events: 1_000_000, seconds: 10 }
  : { models: 50, versions: 20_000, bigModelVersions: 10_000, events: 100_000, seconds: 5 };
const peerArg = process.argv.indexOf('--peer');
const peer = peerArg === -1 ? null : process.argv[peerArg + 1];
if (peer !== null && peer !== 'mlflow') throw new Error(`--peer ${peer}: the only peer is "mlflow"`);
// --only registration,governance,start (and board, resolve, export): run just those sections.
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg === -1 ? null : new Set(process.argv[onlyArg + 1]!.split(','));
const runs = (section: string) => !only || only.has(section);
const rows: [string, string, string, string][] = [];
/** A goal of the issue, and whether this run met it; rows that only give context have none. */
const goal = (text: string, met: boolean) => `${text}: ${met ? 'met' : '**not met**'}`;
const row = (what: string, figure: string, ratio = '', goalText = 'none (context)') => {
  rows.push([what, figure, ratio, goalText]);
  console.log(`  ${what}: ${figure}${ratio ? `  (${ratio})` : ''}  [goal ${goalText}]`);
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function main() {
  const db = await createTestDatabase('bench');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server: ReturnType<typeof spawn> | null = null;
  try {
    console.log(`Seeding ${SIZE.models} models, ${SIZE.versions.toLocaleString()} versions (${SIZE.bigModelVersions.toLocaleString()} on one model), ${SIZE.events.toLocaleString()} audit events…`);
    await migrateDeploy(db.url);
    const seeded = await seedScale(db.url, SIZE, () => {});
    row('Seeding', `${seeded.seconds.toFixed(1)} s`, `${Math.round((SIZE.versions + SIZE.events) / seeded.seconds).toLocaleString()} rows/s`);

    process.env.DATABASE_URL = db.url;
    const { prepareActors } = await import('./actors');
    const actors = await prepareActors();

    await ensureBuild({ quiet: true });
    // Started as operators start it (`npm start` on DATABASE_URL), so it serves with the same processes.
    server = startNpm(db.url, port);
    await waitForHealth(base);
    const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

    if (runs('registration')) await registration(db.url, base, actors.scientistToken);

    if (runs('board')) {
    console.log('\nBoard of a model with many versions vs a static page on the same server:');
    const cookie = await sessionCookie(base, 'bench-viewer@example.com', 'bench-password');
    const board = await measureBoard(base, seeded.bigModel, cookie, SIZE.seconds);
    const kept = await pageCacheShare(`${base}/models/${seeded.bigModel}`, cookie);
    row(`Board, ${SIZE.bigModelVersions.toLocaleString()} versions (npm start: the page cache on)`, `p50 ${board.boardP50} ms (static page ${board.staticP50} ms), ${Math.round(board.boardRps)} req/s at c=4, median of ${board.rounds} alternating rounds; ${kept} of 20 sequential answers from the page cache`, `${board.ratio.toFixed(2)}× the static page; ${boardGoal(board.ratio)}`);
    // The same, every board rendered: what a session's first look, or any look after a write, costs.
    const renderedPort = await freePort();
    const rendered = startNpm(db.url, renderedPort, { MODELGATE_PAGE_CACHE: 'off', MODELGATE_JOBS: 'off' });
    try {
      const renderedBase = `http://127.0.0.1:${renderedPort}`;
      await waitForHealth(renderedBase);
      const renderedCookie = await sessionCookie(renderedBase, 'bench-viewer@example.com', 'bench-password');
      const r = await measureBoard(renderedBase, seeded.bigModel, renderedCookie, SIZE.seconds);
      row(`Board, ${SIZE.bigModelVersions.toLocaleString()} versions, every answer rendered (MODELGATE_PAGE_CACHE=off)`, `p50 ${r.boardP50} ms (static page ${r.staticP50} ms), ${Math.round(r.boardRps)} req/s at c=4, median of ${r.rounds} alternating rounds`, `${r.ratio.toFixed(2)}× the static page; ${boardGoal(r.ratio)}`);
    } finally {
      await stopGroup(rendered);
    }
    const firstLoad = firstLoadJsFromBuild().bytes / 1024;
    row('Board first-load JavaScript (gzip, from the build manifests)', `${firstLoad.toFixed(1)} KiB (${(await firstLoadJs(base, `/models/${seeded.bigModel}`, cookie) / 1024).toFixed(1)} KiB in the page's script tags)`, firstLoadRow(firstLoad));
    }

    if (runs('governance')) {
    console.log('\nGovernance latencies (sequential, median of runs):');
    // Only the approval is timed: the request it decides (registration, promotion, request) is made before.
    const approve = await timeEach<string>(20, async (_i, id) => {
      const r = await fetch(`${base}/api/v1/promotion-requests/${id}/approve`, { method: 'POST', headers: auth(actors.approverToken), body: '{}' });
      if (!r.ok) throw new Error(`approve failed: ${r.status} ${await r.text()}`);
    }, (i) => actors.stagedRequest(i));
    row('Approve → Production', `p50 ${ms(median(approve))}, p95 ${ms(percentile(approve, 95))}`, '', goal('p50 ≤ 30 ms', median(approve) <= 30));
    const rollback = await timeEach(10, async () => {
      const r = await fetch(`${base}/api/v1/models/bench-governed/rollback`, { method: 'POST', headers: auth(actors.approverToken), body: JSON.stringify({ reason: 'benchmark rollback' }) });
      if (!r.ok) throw new Error(`rollback failed: ${r.status} ${await r.text()}`);
    });
    row('Rollback', `p50 ${ms(median(rollback))}, p95 ${ms(percentile(rollback, 95))}`, '', goal('p50 ≤ 15 ms', median(rollback) <= 15));
    }
    if (runs('resolve')) {
    const resolve = await load({ url: `${base}/api/v1/models/bench-governed/resolve?stage=production`, connections: 8, duration: SIZE.seconds, headers: auth(actors.viewerToken) });
    row('Resolve (c=8)', `${Math.round(resolve.requests.average)} req/s, p50/p95/p99 ${resolve.p50}/${resolve.p95}/${resolve.p99} ms`);
    }
    if (runs('serving')) {
    console.log('\nServing path (c=16, medians of alternating rounds):');
    await benchServing({ databaseUrl: db.url, server: { base, cpuSeconds: () => cpuSecondsOf(server!.pid!), stop: async () => {} }, serverLabel: "npm start: a worker per core, serving reads before Next's router", token: actors.viewerToken, model: 'bench-governed', seconds: SIZE.seconds, row });
    }
    if (runs('export')) {
    console.log(`\nAudit export of ${SIZE.events.toLocaleString()}+ events vs COPY … TO STDOUT:`);
    const exported = await measureExport(base, actors.adminToken, server.pid!, db.url);
    row('Audit export (CSV, streamed)', `${Math.round(exported.rowsPerSecond).toLocaleString()} rows/s over ${exported.rows.toLocaleString()} rows, server RSS growth ${exported.rssGrowthMb.toFixed(1)} MB (idle ${Math.round(exported.idleMb)} MB), median of ${exported.rounds} alternating rounds`, `${exported.ratio.toFixed(2)}× of COPY's ${Math.round(exported.copyRowsPerSecond).toLocaleString()} rows/s; ${exportGoal(exported)}`);
    }
  } finally {
    if (server?.pid) await stopGroup(server);
    await db.drop().catch(() => {});
  }
  if (runs('start') && !process.argv.includes('--no-start')) {
    console.log('\nStart: `npm start` to a healthy /api/health on the embedded database, build done (restarts, median):');
    const start = await measureStart(full ? 7 : 5);
    const m = median(start.restarts);
    row('Start (npm start → healthy, embedded database)', `${m.toFixed(2)} s median of ${start.restarts.length} restarts (${start.restarts.map((t) => t.toFixed(2)).join(', ')}; it printed ${median(start.printed).toFixed(1)} s); first start with demo data ${start.first.toFixed(1)} s`, '', goal('≤ 3 s', m <= 3));
  }
  writeReport();
}

/** `npm start` as operators start it, on DATABASE_URL, in its own process group. */
function startNpm(databaseUrl: string, port: number, extra: Record<string, string> = {}): ReturnType<typeof spawn> {
  return spawn('npm', ['start'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOSTNAME: '127.0.0.1', NEXTAUTH_SECRET: 'bench', NEXTAUTH_URL: `http://127.0.0.1:${port}`, MODELGATE_WEBHOOKS: 'off', ...extra },
    stdio: 'ignore',
    // Its own process group: stopped as a terminal's Ctrl-C stops it (npm does not pass signals through `sh -c`).
    detached: true,
  });
}

/** How many of 20 sequential requests the worker answered from its page cache (x-modelgate-page-cache: hit). */
async function pageCacheShare(url: string, cookie: string): Promise<number> {
  let hits = 0;
  for (let i = 0; i < 20; i++) {
    const r = await fetch(url, { headers: { cookie } });
    await r.arrayBuffer();
    if (r.headers.get('x-modelgate-page-cache') === 'hit') hits += 1;
  }
  return hits;
}

/** SIGTERM to a process group the bench started, and a wait until its leader is gone. */
async function stopGroup(child: ReturnType<typeof spawn>): Promise<void> {
  const gone = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(true) : child.once('exit', r)));
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([gone, new Promise((r) => setTimeout(r, 15_000))]);
  await new Promise((r) => setTimeout(r, 1000));
}

/**
 * Registration: REST v1 and Modelgate's MLflow API against plain pg (and the MLflow server with --peer mlflow),
 * CALLS_PER_ROUND calls per round at each concurrency, ROUNDS alternating rounds, medians.
 */
async function registration(dbUrl: string, base: string, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  let mlflow: MlflowPeer | null = null;
  if (peer === 'mlflow') {
    console.log('\nStarting the MLflow 2.12 peer on a fresh database of the same Postgres…');
    mlflow = await startMlflowPeer();
  }
  try {
    const targets: Target[] = [
      ...(mlflow ? [httpTarget('mlflow', 'MLflow 2.12 server', `${mlflow.base}/api/2.0/mlflow/model-versions/create`, {}, mlflowBody(mlflow.model))] : []),
      httpTarget('mg-mlflow', 'Modelgate, MLflow API', `${base}/api/2.0/mlflow/model-versions/create`, auth, mlflowBody('bench-register')),
      httpTarget('mg-rest', 'Modelgate, REST v1', `${base}/api/v1/models/bench-register/versions`, auth, restBody),
      pgTarget(dbUrl),
    ];
    console.log(`\nRegister version: ${CALLS_PER_ROUND} calls per round, c=${CONCURRENCIES.join(' and c=')}, ${ROUNDS} alternating rounds, medians${mlflow ? ', beside MLflow 2.12' : ''}:`);
    const results = await runRounds(targets, console.log);
    const fig = (s: { rps: number; p50: number; p99: number; errors: number }) => `${Math.round(s.rps)} req/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, errors ${s.errors}`;
    for (const c of CONCURRENCIES) {
      const pgRun = results.get(`pg@${c}`)!;
      const peerRun = results.get(`mlflow@${c}`);
      if (peerRun) row(`MLflow 2.12 model-versions/create, c=${c}`, fig(peerRun), `${(peerRun.rps / pgRun.rps).toFixed(2)}× of pg`, 'none (the peer)');
      const want = c === 1 ? 3 : 2;
      for (const [key, label] of [['mg-mlflow', 'MLflow API model-versions/create'], ['mg-rest', 'REST v1 register version']] as const) {
        const r = results.get(`${key}@${c}`)!;
        const vsPeer = peerRun ? `${(r.rps / peerRun.rps).toFixed(2)}× MLflow (${Math.round(peerRun.rps)} req/s), ` : '';
        const goalText = peerRun ? goal(`≥ ${want}× MLflow, 0 errors`, r.rps >= want * peerRun.rps && r.errors === 0) : `≥ ${want}× MLflow: run with --peer mlflow`;
        row(`Modelgate ${label}, c=${c}`, fig(r), `${vsPeer}${(r.rps / pgRun.rps).toFixed(2)}× of pg's ${Math.round(pgRun.rps)}/s (p50 ${pgRun.p50.toFixed(1)} ms)`, goalText);
      }
    }
  } finally {
    await mlflow?.stop();
  }
}

function writeReport() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU';
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const table = ['| measurement | figure | vs baseline | goal |', '|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  console.log(`\n${table}\n`);
  const doc = readFileSync('docs/benchmarks.md', 'utf8');
  const marker = full ? 'full' : 'quick';
  const block = `<!-- ${marker}:start -->\nMeasured ${new Date().toISOString().slice(0, 16)}Z on ${cpu} (load average at the end ${load}${peer ? `, peer ${peer}` : ''}), ${SIZE.models} models / ${SIZE.versions.toLocaleString()} versions / ${SIZE.events.toLocaleString()} events:\n\n${table}\n<!-- ${marker}:end -->`;
  const pattern = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*?<!-- ${marker}:end -->`);
  writeFileSync('docs/benchmarks.md', pattern.test(doc) ? doc.replace(pattern, block) : `${doc.trimEnd()}\n\n${block}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
