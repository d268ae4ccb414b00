// `npm run bench:profile`: CPU profiles of one `next start` (the production build) while it answers, one
// kind at a time and one request after another: REST registrations, MLflow creates, resolves, approvals and
// rollbacks. Each profile covers only its requests (scripts/bench/profile-preload.mjs); they are written to
// $MODELGATE_PROFILE_DIR (default .modelgate/profiles) for Chrome DevTools or `node scripts/bench/profile-summary.mjs`.
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
    const kinds: Record<string, { count: number; call: (i: number) => Promise<void>; prepare?: (count: number) => Promise<unknown[]> }> = {
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
    // Approvals need requests waiting, made beforehand (outside the profile); rollbacks need approved versions.
    const approvals = 30;
    const requests: string[] = [];
    for (let i = 0; i < approvals + 3; i++) requests.push(await actors.stagedRequest(i));
    const approve = async (id: string) => {
      const r = await fetch(`${base}/api/v1/promotion-requests/${id}/approve`, { method: 'POST', headers: auth(actors.approverToken), body: '{}' });
      if (!r.ok) throw new Error(`approve: ${r.status} ${await r.text()}`);
    };
    for (const id of requests.splice(0, 3)) await approve(id); // warm-up, and something to resolve
    kinds.approve = { count: approvals, call: (i) => approve(requests[i]!) };
    kinds.rollback = {
      count: 15,
      call: async () => {
        const r = await fetch(`${base}/api/v1/models/bench-governed/rollback`, { method: 'POST', headers: auth(actors.approverToken), body: JSON.stringify({ reason: 'profile rollback' }) });
        if (!r.ok) throw new Error(`rollback: ${r.status} ${await r.text()}`);
      },
    };
    for (const [kind, k] of Object.entries(kinds)) {
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
      console.log(`${kind}: ${k.count} sequential requests, p50 ${median(times).toFixed(2)} ms → ${file ? resolve(dir, file) : '(no profile written)'}`);
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
