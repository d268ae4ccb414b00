// Starts and kills real `next start` processes (or npm start's workers) on the production build, for tests across instances.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { nextArgs } from '../../scripts/lib/next-bin';
import { freePort } from '../../scripts/lib/test-database';

export interface AppInstance {
  name: string;
  url: string;
  /** Everything the server printed, for a failing test's message. */
  output: () => string;
  /** kill -9 of the server's whole process group: no shutdown hooks, no drained requests. */
  crash: () => Promise<void>;
  stop: () => Promise<void>;
}

export const TEST_AUTH_SECRET = 'reliability-suite-secret-reliability-suite-secret';

/**
 * `next start` on the production build, or with `worker`, one worker of `npm start` (scripts/lib/next-worker.mjs:
 * the same build behind Next's programmatic API, with the serving reads' fast path). RELIABILITY_APP=worker makes
 * every instance a worker, to run a suite against what npm start serves.
 */
export async function startApp(name: string, databaseUrl: string, env: Record<string, string> = {}, options: { worker?: boolean } = {}): Promise<AppInstance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = (options.worker ?? process.env.RELIABILITY_APP === 'worker') ? [resolve('scripts/lib/next-worker.mjs'), '-p', String(port), '-H', '127.0.0.1'] : nextArgs('start', '-p', String(port), '-H', '127.0.0.1');
  const child: ChildProcess = spawn(process.execPath, args, {
    // Its own process group, so a crash takes any worker it forked with it.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: TEST_AUTH_SECRET,
      NEXTAUTH_URL: url,
      MODELGATE_WEBHOOKS: 'off',
      ...env,
    },
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const signalGroup = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
    await exited;
  };
  const instance: AppInstance = { name, url, output: () => log, crash: () => signalGroup('SIGKILL'), stop: () => signalGroup('SIGTERM') };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited while starting:\n${log}`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return instance;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await instance.crash();
  throw new Error(`${name} did not become healthy within 90 s:\n${log}`);
}
