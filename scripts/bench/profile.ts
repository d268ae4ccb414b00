// `npm run bench:profile`: CPU profiles of one `next start` (the production build) while it answers, one
// kind at a time and one request after another: REST registrations, MLflow creates, resolves, approvals and
// rollbacks. Each profile covers only its requests (scripts/bench/profile-preload.mjs); they are written to
// $MODELGATE_PROFILE_DIR (default .modelgate/profiles); PROFILE_KINDS=approve,rollback picks some for Chrome DevTools or `node scripts/bench/profile-summary.mjs`.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTestDatabase, freePort } from '../lib/test-database';
import { migrateDeploy } from '../lib/run';
import { median, timeEach, waitForHealth } from './http';

const N = Number(process.env.PROFILE_REQUESTS ?? 300);
const dir = resolve(process.env.MODELGATE_PROFILE_DIR ?? '.modelgate/profiles');

async function main() {
  mkdirSync(dir, { recursive: true });
  const db = await createTestDatabase('profile');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server: ReturnType<typeof spawn> | null = null;
  try {
    await migrateDeploy(db.url);
    process.env.DATABASE_URL = db.url;
    const { prepareActors } = await import('./actors');
    const actors = await prepareActors();
    server = spawn(process.execPath, ['--import', resolve('scripts/bench/profile-preload.mjs'), 'node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
      env: { ...process.env, DATABASE_URL: db.url, NEXTAUTH_SECRET: 'bench', NEXTAUTH_URL: base, MODELGATE_WEBHOOKS: 'off', MODELGATE_PROFILE_DIR: dir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForHealth(base);
    const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    let n = 0;
    const kinds: Record<string, { count: number; call: (i: number) => Promise<void> }> = {
      register: {
        count: N,
        call: async () => {
          const i = ++n;
          const r = await fetch(`${base}/api/v1/models/bench-register/versions`, { method: 'POST', headers: auth(actors.scientistToken), body: JSON.stringify({ dataVersion: 'd', artifactUri: `s3://p/${i}`, artifactDigest: `sha256:${String(i).padStart(64, '0')}`, metrics: [{ key: 'auc', value: 0.9 }] }) });
          if (r.status !== 201) throw new Error(`register: ${r.status} ${await r.text()}`);
        },
      },
      'mlflow-create': {
        count: N,
        call: async () => {
          const r = await fetch(`${base}/api/2.0/mlflow/model-versions/create`, { method: 'POST', headers: auth(actors.scientistToken), body: JSON.stringify({ name: 'bench-register', source: `s3://p/m-${++n}` }) });
          if (!r.ok) throw new Error(`mlflow create: ${r.status} ${await r.text()}`);
        },
      },
      resolve: {
        count: N,
        call: async () => {
          const r = await fetch(`${base}/api/v1/models/bench-governed/resolve?stage=production`, { headers: auth(actors.viewerToken) });
          if (!r.ok) throw new Error(`resolve: ${r.status} ${await r.text()}`);
          await r.arrayBuffer();
        },
      },
    };
    // An approval needs a request waiting, made by this process (the server is idle meanwhile, so the profile
    // holds only the approval); each approval changes Production, so each request is made just before.
    const approve = async (i: number) => {
      const id = await actors.stagedRequest(i);
      const t = performance.now();
      const r = await fetch(`${base}/api/v1/promotion-requests/${id}/approve`, { method: 'POST', headers: auth(actors.approverToken), body: '{}' });
      if (!r.ok) throw new Error(`approve: ${r.status} ${await r.text()}`);
      approveTimes.push(performance.now() - t);
    };
    const approveTimes: number[] = [];
    for (let i = 0; i < 3; i++) await approve(1000 + i); // warm-up, and something to resolve and roll back
    approveTimes.length = 0;
    // Each approved version must beat the last one's metric (the default gate), so the numbers keep climbing.
    kinds.approve = { count: 30, call: (i) => approve(2000 + i) };
    kinds.rollback = {
      count: 15,
      call: async () => {
        const r = await fetch(`${base}/api/v1/models/bench-governed/rollback`, { method: 'POST', headers: auth(actors.approverToken), body: JSON.stringify({ reason: 'profile rollback' }) });
        if (!r.ok) throw new Error(`rollback: ${r.status} ${await r.text()}`);
      },
    };
    const wanted = process.env.PROFILE_KINDS?.split(',');
    for (const [kind, k] of Object.entries(kinds)) {
      if (wanted && !wanted.includes(kind)) continue;
      if (kind !== 'approve' && kind !== 'rollback') for (let i = 0; i < 50; i++) await k.call(i); // warm-up
      const before = new Set(readdirSync(dir));
      server.kill('SIGUSR2');
      await new Promise((r) => setTimeout(r, 300));
      const times = await timeEach(k.count, k.call);
      server.kill('SIGUSR2');
      let file: string | undefined;
      for (let i = 0; i < 100 && !file; i++) {
        await new Promise((r) => setTimeout(r, 100));
        file = readdirSync(dir).find((f) => !before.has(f));
      }
      const p50 = kind === 'approve' ? median(approveTimes) : median(times);
      console.log(`${kind}: ${k.count} sequential requests, p50 ${p50.toFixed(2)} ms → ${file ? resolve(dir, file) : '(no profile written)'}`);
    }
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await db.drop().catch(() => {});
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
