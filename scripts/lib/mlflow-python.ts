// Finding a Python with MLflow for the real-client tests, and running a real MLflow tracking server with it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface MlflowPython {
  python: string;
  version: string;
  /** Where it was found, for the log line. */
  via: string;
}

/**
 * MLFLOW_PYTHON (any Python with `mlflow` installed, e.g. after `pip install mlflow`), else the MLflow
 * 2.12 sources shared beside the checkout on the project's build machines (../shared/tools/mlflow-2.12,
 * see its README), else python3 if it imports mlflow. Null when none does.
 */
export function findMlflowPython(): MlflowPython | null {
  const candidates: { python: string; via: string }[] = [];
  if (process.env.MLFLOW_PYTHON) candidates.push({ python: process.env.MLFLOW_PYTHON, via: 'MLFLOW_PYTHON' });
  const shared = resolve('../shared/tools/mlflow-2.12/python');
  if (existsSync(shared)) candidates.push({ python: shared, via: '../shared/tools/mlflow-2.12' });
  candidates.push({ python: 'python3', via: 'python3 on PATH' });
  for (const candidate of candidates) {
    const probe = spawnSync(candidate.python, ['-c', 'import mlflow, mlflow.pyfunc; print(mlflow.__version__)'], { encoding: 'utf8', timeout: 120_000 });
    if (probe.status === 0) return { ...candidate, version: probe.stdout.trim() };
    if (candidate.via === 'MLFLOW_PYTHON') {
      // Asked for explicitly: say why it does not work rather than quietly trying others.
      console.log(`[mlflow] MLFLOW_PYTHON=${candidate.python} cannot import mlflow: ${(probe.stderr || probe.error?.message || '').trim().split('\n').pop()}`);
      return null;
    }
  }
  return null;
}

export interface MlflowServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** A real MLflow tracking server (`mlflow server`) on a SQLite file and a local artifact root, in its own process group. */
export async function startMlflowServer(python: string, options: { port: number; dir: string }): Promise<MlflowServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const args = ['-m', 'mlflow', 'server', '--backend-store-uri', `sqlite:///${options.dir}/mlflow.db`, '--default-artifact-root', `${options.dir}/artifacts`, '--host', '127.0.0.1', '--port', String(options.port), '--workers', '1'];
  const child: ChildProcess = spawn(python, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MLFLOW_WORKERS: '1' } });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Gone.
    }
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mlflow server exited while starting:\n${log}`);
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).ok) return { url, output: () => log, stop };
    } catch {
      // Not listening yet (it migrates its database first).
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`mlflow server did not answer /health within 120 s:\n${log}`);
}
