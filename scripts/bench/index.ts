// `npm run bench` [-- --full] [--no-build]: measures Modelgate against Postgres's own limits on this
// machine, in one run, and prints a table of figures and ratios (also written to docs/benchmarks.md).
import { execFile, execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import { createTestDatabase, freePort } from '../lib/test-database';
import { ensureBuild, nextArgs } from '../lib/build';
import { migrateDeploy } from '../lib/run';
import { firstLoadJs, load, median, percentile, sessionCookie, timeEach, waitForHealth } from './http';
import { seedScale } from './seed-scale';

const full = process.argv.includes('--full');
const SIZE = full
  ? { models: 500, versions: 200_000, bigModelVersions: 100_000, events: 1_000_000, seconds: 10 }
  : { models: 50, versions: 20_000, bigModelVersions: 10_000, events: 100_000, seconds: 5 };
const rows: [string, string, string][] = [];
const row = (what: string, figure: string, ratio = '') => {
  rows.push([what, figure, ratio]);
  console.log(`  ${what}: ${figure}${ratio ? `  (${ratio})` : ''}`);
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
    server = spawn(process.execPath, nextArgs('start', '-p', String(port)), {
      env: { ...process.env, DATABASE_URL: db.url, NEXTAUTH_SECRET: 'bench', NEXTAUTH_URL: base, MODELGATE_WEBHOOKS: 'off' },
      stdio: 'ignore',
    });
    await waitForHealth(base);
    const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

    console.log('\nRegister version (REST v1, with its audit row) vs plain pg inserts in one transaction each:');
    for (const connections of [1, 8]) {
      let n = 0;
      const api = await load({
        url: `${base}/api/v1/models/bench-register/versions`,
        connections,
        duration: SIZE.seconds,
        requests: [{ method: 'POST', headers: auth(actors.scientistToken), setupRequest: (req) => ({ ...req, body: JSON.stringify({ dataVersion: 'd', artifactUri: `s3://b/${connections}-${++n}`, artifactDigest: `sha256:${String(connections * 1e7 + n).padStart(64, '0')}`, metrics: [{ key: 'auc', value: 0.9 }] }) }) }],
      });
      const baseline = await pgBaseline(db.url, connections, SIZE.seconds);
      row(`Register version, c=${connections}`, `${Math.round(api.requests.average)} req/s, p50/p95/p99 ${api.p50}/${api.p95}/${api.p99} ms, errors ${api.errors + api.non2xx}`, `${(api.requests.average / baseline.rps).toFixed(2)}× of pg's ${Math.round(baseline.rps)}/s (p50 ${baseline.p50.toFixed(1)} ms)`);
    }
    const mlflow = await fetch(`${base}/api/2.0/mlflow/model-versions/create`, { method: 'POST', headers: auth(actors.scientistToken), body: JSON.stringify({ name: 'bench-register', source: 's3://b/mlflow-probe' }) });
    if (mlflow.status < 500 && mlflow.status !== 404) {
      const m = await load({ url: `${base}/api/2.0/mlflow/model-versions/create`, connections: 8, duration: SIZE.seconds, method: 'POST', headers: auth(actors.scientistToken), body: JSON.stringify({ name: 'bench-register', source: 's3://b/mlflow' }) });
      row('MLflow model-versions/create, c=8', `${Math.round(m.requests.average)} req/s, p50/p95/p99 ${m.p50}/${m.p95}/${m.p99} ms, errors ${m.errors + m.non2xx}`);
    }

    console.log('\nBoard of a model with many versions vs a static page on the same server:');
    const cookie = await sessionCookie(base, 'bench-viewer@example.com', 'bench-password');
    const board = await load({ url: `${base}/models/${seeded.bigModel}`, connections: 4, duration: SIZE.seconds, headers: { cookie } });
    const statik = await load({ url: `${base}/signin`, connections: 4, duration: SIZE.seconds });
    row(`Board, ${SIZE.bigModelVersions.toLocaleString()} versions`, `p50/p95/p99 ${board.p50}/${board.p95}/${board.p99} ms, ${Math.round(board.requests.average)} req/s`, `${(board.p50 / Math.max(statik.p50, 0.5)).toFixed(1)}× the static page's p50 ${statik.p50} ms`);
    row('Board first-load JavaScript (gzip)', `${(await firstLoadJs(base, `/models/${seeded.bigModel}`, cookie) / 1024).toFixed(1)} KiB`);

    console.log('\nGovernance latencies (sequential, median of runs):');
    const approve = await timeEach(10, async (i) => {
      const id = await actors.stagedRequest(i);
      const r = await fetch(`${base}/api/v1/promotion-requests/${id}/approve`, { method: 'POST', headers: auth(actors.approverToken), body: '{}' });
      if (!r.ok) throw new Error(`approve failed: ${r.status} ${await r.text()}`);
    });
    row('Approve → Production', `p50 ${ms(median(approve))}, p95 ${ms(percentile(approve, 95))}`);
    const rollback = await timeEach(5, async () => {
      const r = await fetch(`${base}/api/v1/models/bench-governed/rollback`, { method: 'POST', headers: auth(actors.approverToken), body: JSON.stringify({ reason: 'benchmark rollback' }) });
      if (!r.ok) throw new Error(`rollback failed: ${r.status} ${await r.text()}`);
    });
    row('Rollback', `p50 ${ms(median(rollback))}, p95 ${ms(percentile(rollback, 95))}`);
    const resolve = await load({ url: `${base}/api/v1/models/bench-governed/resolve?stage=production`, connections: 8, duration: SIZE.seconds, headers: auth(actors.viewerToken) });
    row('Resolve (c=8)', `${Math.round(resolve.requests.average)} req/s, p50/p95/p99 ${resolve.p50}/${resolve.p95}/${resolve.p99} ms`);

    console.log(`\nAudit export of ${SIZE.events.toLocaleString()}+ events vs COPY … TO STDOUT:`);
    const exportRun = await measureExport(base, actors.adminToken, server.pid!);
    const copy = copyBaseline(db.url);
    row('Audit export (CSV, streamed)', `${Math.round(exportRun.rows / exportRun.seconds).toLocaleString()} rows/s, ${exportRun.rows.toLocaleString()} rows in ${exportRun.seconds.toFixed(1)} s, server peak RSS ${exportRun.peakMb} MB (idle ${exportRun.idleMb} MB)`, `${(exportRun.rows / exportRun.seconds / copy.rowsPerSecond).toFixed(2)}× of COPY's ${Math.round(copy.rowsPerSecond).toLocaleString()} rows/s`);
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await db.drop().catch(() => {});
  }
  writeReport();
}

async function pgBaseline(url: string, connections: number, seconds: number) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const until = Date.now() + seconds * 1000;
  const times: number[] = [];
  let n = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      while (Date.now() < until) {
        const i = ++n;
        const t = performance.now();
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(`INSERT INTO model_version (id, model_id, number, semver, major, minor, patch, data_version, artifact_uri) VALUES ($1, 'bm-2', $2, $3, 9, $4, $5, 'd', 'u')`, [`pg-${connections}-${worker}-${i}`, 1_000_000 + connections * 100_000 + i, `9.${connections}.${i}`, connections, i]);
          await client.query(`INSERT INTO audit_event (actor_label, action, model_id, model_name) VALUES ('bench', 'version.registered', 'bm-2', 'bench-model-2')`);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
        times.push(performance.now() - t);
      }
    }),
  );
  await pool.end();
  times.sort((a, b) => a - b);
  return { rps: times.length / seconds, p50: percentile(times, 50) };
}

async function measureExport(base: string, token: string, pid: number) {
  let children: number[] = [];
  try {
    children = execFileSync('pgrep', ['-P', String(pid)]).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    // pgrep exits 1 when the server runs in this one process.
  }
  // Reading /proc is cheap; spawning pgrep every 100 ms would stall this process's event loop.
  const rssMb = () => Math.round([pid, ...children].reduce((sum, p) => sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0), 0) / 1024);
  const idleMb = rssMb();
  let peakMb = idleMb;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb())), 100);
  const t = performance.now();
  // curl reads the download, as psql reads COPY's: neither side of the comparison is limited by a JavaScript reader.
  const { stdout } = await promisify(execFile)('curl', ['-sS', '--fail', '-D', '-', '-o', '/dev/null', '-H', `authorization: Bearer ${token}`, `${base}/api/admin/audit/export?format=csv`], { encoding: 'utf8' });
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  const rows = Number(/^x-total-count:\s*(\d+)/im.exec(stdout)?.[1] ?? NaN);
  return { rows, seconds, idleMb, peakMb };
}

function copyBaseline(url: string) {
  const t = performance.now();
  const out = execFileSync('psql', [url, '-c', 'COPY (SELECT e.*, modelgate_audit_canonical(e) FROM audit_event e ORDER BY id) TO STDOUT (FORMAT csv)'], { maxBuffer: 4 * 1024 ** 3 });
  const seconds = (performance.now() - t) / 1000;
  return { rowsPerSecond: countNewlines(out) / seconds };
}

function countNewlines(buffer: Buffer): number {
  let count = 0;
  for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) count += 1;
  return count;
}

function writeReport() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU';
  const table = ['| measurement | figure | vs baseline |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  console.log(`\n${table}\n`);
  const doc = readFileSync('docs/benchmarks.md', 'utf8');
  const marker = full ? 'full' : 'quick';
  const block = `<!-- ${marker}:start -->\nMeasured ${new Date().toISOString().slice(0, 16)}Z on ${cpu}, ${SIZE.models} models / ${SIZE.versions.toLocaleString()} versions / ${SIZE.events.toLocaleString()} events:\n\n${table}\n<!-- ${marker}:end -->`;
  const pattern = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*?<!-- ${marker}:end -->`);
  writeFileSync('docs/benchmarks.md', pattern.test(doc) ? doc.replace(pattern, block) : `${doc.trimEnd()}\n\n${block}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
