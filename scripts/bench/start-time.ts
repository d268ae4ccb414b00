// `npm start` to a healthy /api/health on the embedded database, with the build done: a first start (which
// creates the database and loads the demo data) and then restarts of the same state folder, timed from the
// spawn of `npm start` to the first 200 of /api/health, alternating nothing else; median of the restarts.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../lib/test-database';

export interface StartTimes {
  first: number;
  restarts: number[];
  /** What `npm start` itself printed ("ready … in X s") for each restart. */
  printed: number[];
}

async function startOnce(home: string, port: number, dbPort: number): Promise<{ seconds: number; printed: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, MODELGATE_HOME: home, PORT: String(port), MODELGATE_DB_PORT: String(dbPort) };
  delete env.DATABASE_URL;
  delete env.MIGRATION_DATABASE_URL;
  delete env.NEXTAUTH_URL;
  const t = performance.now();
  const child = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let seconds = NaN;
  try {
    const until = Date.now() + 240_000;
    while (Date.now() < until && child.exitCode === null) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok) {
          seconds = (performance.now() - t) / 1000;
          break;
        }
      } catch {
        // not yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    if (Number.isNaN(seconds)) throw new Error(`npm start did not become healthy:\n${out.slice(-3000)}`);
    // Let it print its own "ready … in X s" line.
    for (let i = 0; i < 40 && !/ready on .* in [\d.]+ s/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
  } finally {
    // `npm start` stops the app and then its database.
    const gone = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(true) : child.once('exit', () => r(true))));
    // The whole group, as Ctrl-C in a terminal: npm does not pass a signal on through `sh -c`.
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    const exited = await Promise.race([gone, new Promise((r) => setTimeout(() => r(false), 20_000))]);
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // npm itself exits at once; the start is over when it has stopped its database and released the folder's lock.
    for (let i = 0; i < 600 && existsSync(join(home, 'modelgate.pid')); i++) await new Promise((r) => setTimeout(r, 50));
  }
  const printed = Number(/ready on .* in ([\d.]+) s/.exec(out)?.[1] ?? NaN);
  return { seconds, printed };
}

export async function measureStart(restarts = 5): Promise<StartTimes> {
  const home = mkdtempSync(join(tmpdir(), 'modelgate-start-bench-'));
  // The embedded server runs as the postgres user (when we are root), which must reach its data folder.
  chmodSync(home, 0o755);
  try {
    const [port, dbPort] = [await freePort(), await freePort()];
    const first = (await startOnce(home, port, dbPort)).seconds;
    const times: number[] = [];
    const printed: number[] = [];
    for (let i = 0; i < restarts; i++) {
      const r = await startOnce(home, port, dbPort);
      times.push(r.seconds);
      printed.push(r.printed);
    }
    return { first, restarts: times, printed };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
