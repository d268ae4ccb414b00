// Same-run A/B of the board: two production builds (`--a DIR --b DIR`, each a folder holding a `.next`, its
// next.config.js, package.json and node_modules, e.g. a copy of an older build with node_modules linked) served by
// `next start` side by side on one seeded database (a model with 100,000 versions), measured in alternating
// rounds so a burst of the neighbours' work lands on both. Prints per build: sequential medians of the static
// page, an authenticated 404 (session + user + lookup, almost no render) and the board, the board's HTML bytes
// (and how much of it is the RSC payload for hydration), then the board and static p50s at c=4 and their ratio.
//   npx tsx scripts/bench/board-ab.ts --a /tmp/board-base --b . [--seconds 5] [--rounds 3] [--versions 100000]
// `--profile` preloads scripts/bench/profile-preload.mjs and writes a CPU profile of 100 sequential board
// requests per build to $MODELGATE_PROFILE_DIR (default .modelgate/profiles).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTestDatabase, freePort } from '../lib/test-database';
import { migrateDeploy } from '../lib/run';
import { load, median, sessionCookie, waitForHealth } from './http';
import { seedScale } from './seed-scale';

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const dirs = { A: resolve(arg('a') ?? '.'), B: resolve(arg('b') ?? '.') };
const seconds = Number(arg('seconds', '5'));
const rounds = Number(arg('rounds', '3'));
const versions = Number(arg('versions', '100000'));
const profile = process.argv.includes('--profile');
const profileDir = resolve(process.env.MODELGATE_PROFILE_DIR ?? '.modelgate/profiles');

async function sequential(url: string, n: number, headers: Record<string, string> = {}): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await fetch(url, { headers, redirect: 'manual' });
    await r.arrayBuffer();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** utime + stime of a process and its descendants, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  let total = 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += (Number(fields[11]) + Number(fields[12])) * 10;
    for (const task of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) total += cpuMs(Number(task));
  } catch {
    // gone
  }
  return total;
}

/** Server CPU per answer over `n` sequential requests. */
async function cpuPerRequest(pid: number, url: string, n: number, headers: Record<string, string> = {}): Promise<number> {
  const before = cpuMs(pid);
  await sequential(url, n, headers);
  return (cpuMs(pid) - before) / n;
}

async function main() {
  const db = await createTestDatabase('boardab');
  const servers: ChildProcess[] = [];
  try {
    await migrateDeploy(db.url);
    const seeded = await seedScale(db.url, { models: 10, versions: versions + 90, events: 1_000, bigModelVersions: versions }, () => {});
    process.env.DATABASE_URL = db.url;
    const { prepareActors } = await import('./actors');
    await prepareActors();
    if (profile) mkdirSync(profileDir, { recursive: true });
    const bases: Record<'A' | 'B', string> = { A: '', B: '' };
    const pids: Record<'A' | 'B', number> = { A: 0, B: 0 };
    for (const side of ['A', 'B'] as const) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const pre = profile ? ['--import', resolve('scripts/bench/profile-preload.mjs')] : [];
      const server = spawn(process.execPath, [...pre, resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
        cwd: dirs[side],
        env: { ...process.env, DATABASE_URL: db.url, NEXTAUTH_SECRET: 'bench', NEXTAUTH_URL: base, MODELGATE_WEBHOOKS: 'off', MODELGATE_PROFILE_DIR: profileDir },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      servers.push(server);
      bases[side] = base;
      pids[side] = server.pid!;
    }
    await Promise.all(Object.values(bases).map((b) => waitForHealth(b)));
    const cookie = await sessionCookie(bases.A, 'bench-viewer@example.com', 'bench-password');
    const board = (side: 'A' | 'B') => `${bases[side]}/models/${seeded.bigModel}`;
    for (const side of ['A', 'B'] as const) {
      await load({ url: board(side), connections: 2, amount: 30, headers: { cookie } });
      await load({ url: `${bases[side]}/signin`, connections: 2, amount: 30 });
      await load({ url: `${bases[side]}/models/no-such-model`, connections: 2, amount: 10, headers: { cookie } });
    }
    console.log(`load average before: ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (const side of ['A', 'B'] as const) {
      const html = await (await fetch(board(side), { headers: { cookie } })).text();
      const rsc = [...html.matchAll(/self\.__next_f\.push\(\[1,"((?:[^"\\]|\\.)*)"\]\)/g)].reduce((n, m) => n + m[1]!.length, 0);
      const seq = {
        static: await sequential(`${bases[side]}/signin`, 40),
        notFound: await sequential(`${bases[side]}/models/no-such-model`, 40, { cookie }),
        board: await sequential(board(side), 40, { cookie }),
      };
      const cpu = {
        static: await cpuPerRequest(pids[side], `${bases[side]}/signin`, 200),
        notFound: await cpuPerRequest(pids[side], `${bases[side]}/models/no-such-model`, 200, { cookie }),
        board: await cpuPerRequest(pids[side], board(side), 200, { cookie }),
      };
      console.log(`${side}: server CPU per answer (200 sequential each): static ${cpu.static.toFixed(2)} ms, authenticated 404 ${cpu.notFound.toFixed(2)} ms, board ${cpu.board.toFixed(2)} ms`);
      console.log(`${side} (${dirs[side]}): sequential p50 static ${seq.static.toFixed(1)} ms, authenticated 404 ${seq.notFound.toFixed(1)} ms, board ${seq.board.toFixed(1)} ms; board HTML ${html.length} B of which RSC payload ${rsc} B`);
      if (profile) {
        process.kill(pids[side], 'SIGUSR2');
        await new Promise((r) => setTimeout(r, 300));
        await sequential(board(side), 100, { cookie });
        process.kill(pids[side], 'SIGUSR2');
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
    const res: Record<'A' | 'B', { board: number[]; statik: number[]; rps: number[] }> = { A: { board: [], statik: [], rps: [] }, B: { board: [], statik: [], rps: [] } };
    for (let round = 0; round < rounds; round++) {
      for (const side of round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
        const b = await load({ url: board(side), connections: 4, duration: seconds, headers: { cookie } });
        if (b.non2xx > 0 || b.errors > 0) throw new Error(`${side}: the board answered ${b.non2xx} non-2xx and ${b.errors} errors`);
        const s = await load({ url: `${bases[side]}/signin`, connections: 4, duration: seconds });
        res[side].board.push(b.p50);
        res[side].rps.push(b.requests.average);
        res[side].statik.push(s.p50);
        console.log(`round ${round + 1} ${side}: board p50 ${b.p50} ms (${Math.round(b.requests.average)} req/s), static p50 ${s.p50} ms`);
      }
    }
    for (const side of ['A', 'B'] as const) {
      const bp = median(res[side].board);
      const sp = median(res[side].statik);
      console.log(`${side}: board p50 ${bp} ms, ${Math.round(median(res[side].rps))} req/s; static p50 ${sp} ms; ratio ${(bp / Math.max(sp, 0.5)).toFixed(2)}×`);
    }
    console.log(`load average after: ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    for (const s of servers) s.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await db.drop().catch(() => {});
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
