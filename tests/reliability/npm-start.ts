// Runs `npm start` exactly as the README says — no DATABASE_URL, so on its embedded PostgreSQL — in a state
// folder of the test's own (MODELGATE_HOME), and kills or stops it the ways a user's terminal would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_AUTH_SECRET } from './app-instance';

export interface NpmStart {
  url: string;
  /** Superuser URL of its embedded database, from the password it generated. */
  databaseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
  /** Ctrl-C in its terminal: SIGINT to the whole foreground process group. */
  interrupt: () => Promise<number | null>;
  /** kill -9 of its process group (npm, tsx, the start script, the Next.js server); the database server runs in a session of its own. */
  kill: () => Promise<void>;
}

export interface NpmStartOptions {
  home: string;
  port: number;
  dbPort: number;
  /** Wait for a healthy /api/health (default), or only for the process to end. */
  waitForHealth?: boolean;
}

export async function npmStart(options: NpmStartOptions): Promise<NpmStart> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MODELGATE_HOME: options.home,
    PORT: String(options.port),
    MODELGATE_DB_PORT: String(options.dbPort),
    NEXTAUTH_SECRET: TEST_AUTH_SECRET,
    MODELGATE_WEBHOOKS: 'off',
  };
  delete env.DATABASE_URL;
  delete env.HOSTNAME;
  const child: ChildProcess = spawn('npm', ['start'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  let log = '';
  const append = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-50_000));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const groupAlive = () => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  // Signals the whole group, then waits until every process in it has ended (npm may exit before its child).
  const signal = async (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
    const code = await exited;
    for (let waited = 0; groupAlive() && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    return code;
  };
  const url = `http://127.0.0.1:${options.port}`;
  const instance: NpmStart = {
    url,
    get databaseUrl() {
      const password = readFileSync(join(options.home, 'postgres-password'), 'utf8').trim();
      return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.dbPort}/postgres`;
    },
    output: () => log,
    exited,
    interrupt: () => signal('SIGINT'),
    kill: async () => {
      await signal('SIGKILL');
    },
  };
  if (options.waitForHealth === false) return instance;

  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline && !done) {
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok && log.includes('ready on')) return instance;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await instance.kill();
  throw new Error(`npm start did not become healthy:\n${log}`);
}

/** The PID of the postmaster running on `home`'s embedded database, or null. */
export function postmasterPid(home: string): number | null {
  const file = join(home, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Every running postmaster on `home`'s data directory (its backends rename themselves, so only it shows `-D <dir>`). */
export function postmastersOn(home: string): number[] {
  const dataDir = join(home, 'postgres');
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!cmdline[0]?.endsWith('/postgres') || !cmdline.includes(dataDir)) continue;
      pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}
