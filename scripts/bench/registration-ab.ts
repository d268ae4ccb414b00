// Same-run A/B of registration with and without npm start's fast path: two workers of `npm start`
// (scripts/lib/next-worker.mjs) on the current build and one fresh database, one with MODELGATE_FAST_PATH=off,
// measured in alternating rounds so that a burst of the neighbours' work lands on both. Besides req/s and p50 it
// prints the server's CPU per registration, which a busy machine hardly changes (wall times it does).
//   npx tsx scripts/bench/registration-ab.ts [--rounds 5] [--calls 300]
import { createTestDatabase } from '../lib/test-database';
import { migrateDeploy } from '../lib/run';
import { median } from './http';
import { httpTarget, mlflowBody, restBody, type Target } from './registration';
import { startServer, type Server } from './serving';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1]!;
};
const rounds = Number(arg('rounds', '5'));
const calls = Number(arg('calls', '300'));

interface Row {
  rps: number[];
  p50: number[];
  cpuMs: number[];
}

async function main() {
  const db = await createTestDatabase('bench_regab');
  const servers: [string, Server][] = [];
  try {
    await migrateDeploy(db.url);
    process.env.DATABASE_URL = db.url;
    const { prepareActors } = await import('./actors');
    const { scientistToken } = await prepareActors();
    for (const [label, env] of [['fast path', {}], ['through Next (MODELGATE_FAST_PATH=off)', { MODELGATE_FAST_PATH: 'off' }]] as const) {
      servers.push([label, await startServer(db.url, env, { worker: true })]);
    }
    const auth = { authorization: `Bearer ${scientistToken}` };
    const targets = (base: string): Target[] => [
      httpTarget('rest', 'REST v1', `${base}/api/v1/models/bench-register/versions`, auth, restBody),
      httpTarget('mlflow', 'MLflow API', `${base}/api/2.0/mlflow/model-versions/create`, auth, mlflowBody('bench-register')),
    ];
    // Warm-up: Next loads the routes (and offers them to the fast path), the JIT and the pools warm.
    for (const [, server] of servers) for (const t of targets(server.base)) await t.run(2, 60, 0);
    const rows = new Map<string, Row>();
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 ? servers : [...servers].reverse();
      for (const c of [1, 4]) {
        for (const [label, server] of order) {
          for (const target of targets(server.base)) {
            const cpu = server.cpuSeconds();
            const s = await target.run(c, calls, round);
            const cpuMs = ((server.cpuSeconds() - cpu) * 1000) / calls;
            if (s.errors) throw new Error(`${label}, ${target.label}: ${JSON.stringify(s.failures)}`);
            const key = `${target.label}, c=${c}, ${label}`;
            const row = rows.get(key) ?? { rps: [], p50: [], cpuMs: [] };
            row.rps.push(s.rps);
            row.p50.push(s.p50);
            row.cpuMs.push(cpuMs);
            rows.set(key, row);
            console.log(`  round ${round}: ${key}: ${Math.round(s.rps)} req/s, p50 ${s.p50.toFixed(1)} ms, server CPU ${cpuMs.toFixed(2)} ms/call`);
          }
        }
      }
    }
    console.log(`\nMedians of ${rounds} alternating rounds, ${calls} registrations each:`);
    for (const [key, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`  ${key}: ${Math.round(median(row.rps))} req/s, p50 ${median(row.p50).toFixed(2)} ms, server CPU ${median(row.cpuMs).toFixed(2)} ms/call`);
    }
    // The two sides of one round ran back to back, so their ratio is the figure a burst of load disturbs least.
    console.log('\nFast path over through-Next, median of the per-round ratios:');
    for (const [key, fast] of rows) {
      if (!key.endsWith(servers[0]![0])) continue;
      const next = rows.get(key.replace(servers[0]![0], servers[1]![0]))!;
      const ratio = (f: number[], n: number[]) => median(f.map((v, i) => v / n[i]!)).toFixed(2);
      console.log(`  ${key.replace(`, ${servers[0]![0]}`, '')}: req/s ×${ratio(fast.rps, next.rps)}, p50 ×${ratio(fast.p50, next.p50)}, server CPU ×${ratio(fast.cpuMs, next.cpuMs)}`);
    }
  } finally {
    for (const [, server] of servers) await server.stop();
    await db.drop().catch(() => {});
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
