// The peer of `npm run bench -- --peer mlflow`: the real MLflow 2.12 server from the shared tools folder
// (never committed here), run in place on a fresh database of the same Postgres, with its default workers.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from '../lib/test-database';

export const MLFLOW_TOOL = resolve(process.env.MLFLOW_TOOL ?? '../shared/tools/mlflow-2.12');

export interface MlflowPeer {
  base: string;
  /** The registered model the benchmark creates versions of. */
  model: string;
  stop: () => Promise<void>;
}

export async function startMlflowPeer(): Promise<MlflowPeer> {
  const server = join(MLFLOW_TOOL, 'server');
  if (!existsSync(server)) throw new Error(`--peer mlflow needs the MLflow tool at ${MLFLOW_TOOL} (set MLFLOW_TOOL); run its setup.sh once.`);
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `modelgate_bench_mlflow_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const artifacts = mkdtempSync(join(tmpdir(), 'mlflow-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Its own process group, so stopping it stops gunicorn's workers too.
  const child: ChildProcess = spawn(server, [url.toString(), String(port), artifacts], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 1500));
    }
    rmSync(artifacts, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
  try {
    // MLflow creates its tables (alembic) on first start: that takes a while on a loaded machine.
    const until = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the MLflow server exited (${child.exitCode}): ${stderr}`);
      if (Date.now() > until) throw new Error(`the MLflow server did not answer ${base}/health within 180 s: ${stderr}`);
      try {
        if ((await (await fetch(`${base}/health`)).text()).trim() === 'OK') break;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const model = 'bench-peer';
    const created = await fetch(`${base}/api/2.0/mlflow/registered-models/create`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: model }) });
    if (!created.ok) throw new Error(`MLflow registered-models/create answered ${created.status}: ${await created.text()}`);
    return { base, model, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}
