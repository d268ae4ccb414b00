// The zero-setup start as a newcomer runs it: `npm start` with no DATABASE_URL, on its embedded PostgreSQL.
// The same concurrency the shared-Postgres tests prove, then restarts, a second start, and kill -9.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { freePort } from '../../scripts/lib/test-database';
import { createPeople, sql, type Person } from './bootstrap';
import { call, pool, versionBody } from './client';
import { npmStart, postmasterPid, postmastersOn, type NpmStart } from './npm-start';
import { createModel, raceApprovals } from './races';

const CONCURRENCY = 16;
const PER_API = 200;

let home: string;
let port: number;
let dbPort: number;
let app: NpmStart;
let people: Record<string, Person>;
let model: string;

const start = (waitForHealth = true) => npmStart({ home, port, dbPort, waitForHealth });
const versionCount = async (databaseUrl: string) =>
  Number((await sql<{ n: string }>(databaseUrl, 'SELECT count(*) AS n FROM model_version'))[0]!.n);

/** Lines the app printed that name an error: a clean run prints none. */
function errorLines(output: string): string[] {
  return output.split('\n').filter((line) => /error|exception|portal|prepared statement/i.test(line) && !line.includes('NEXT_'));
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'modelgate-embedded-'));
  chmodSync(home, 0o755); // As root, the database server runs as the postgres user and must reach its folder.
  // What the earlier embedded mode (PGlite) left behind: it must be kept, not silently thrown away.
  mkdirSync(join(home, 'pgdata'));
  writeFileSync(join(home, 'pgdata', 'PG_VERSION'), '17\n');
  writeFileSync(join(home, 'pgdata', 'registered-by-a-user'), 'keep me');
  [port, dbPort] = [await freePort(), await freePort()];
  app = await start();
  people = await createPeople(app.databaseUrl, { scientist: 'scientist', approver1: 'approver', approver2: 'approver', admin: 'admin' });
  model = await createModel(app.url, people.scientist!.token);
}, 180_000);

afterAll(async () => {
  await app?.interrupt();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('npm start without DATABASE_URL', () => {
  it('moves the earlier embedded database aside with a message, and loads demo data afresh', async () => {
    const kept = readdirSync(home).filter((name) => name.startsWith('pgdata-pglite-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(home, kept[0]!, 'registered-by-a-user'), 'utf8')).toBe('keep me');
    expect(existsSync(join(home, 'pgdata'))).toBe(false);
    expect(app.output()).toContain(`moved it, untouched, to ${join(home, kept[0]!)}`);
    const demo = await sql<{ n: string }>(app.databaseUrl, "SELECT count(*) AS n FROM registered_model WHERE name IN ('fraud-detector', 'churn-predictor')");
    expect(demo[0]!.n).toBe('2');
    expect(app.output()).toMatch(/ready on http:\/\/localhost:\d+ in \d+\.\d s/);
  });

  it('runs a real PostgreSQL on 127.0.0.1 only, with a generated password', async () => {
    const [settings] = await sql<{ version: string; listen: string }>(app.databaseUrl, "SELECT version(), current_setting('listen_addresses') AS listen");
    expect(settings!.version).toMatch(/^PostgreSQL 17\./);
    expect(settings!.listen).toBe('127.0.0.1');
    const password = readFileSync(join(home, 'postgres-password'), 'utf8').trim();
    expect(password).not.toBe('postgres');
    expect(password.length).toBeGreaterThanOrEqual(24);
    await expect(sql(`postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`, 'SELECT 1')).rejects.toThrow(/password authentication failed/);
  });

  it('serves this machine only unless HOSTNAME says otherwise', async () => {
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    expect(app.output()).toContain('this machine only; HOSTNAME=0.0.0.0');
    if (!external) return; // A machine with loopback only has nothing else to be refused on.
    const answer = await call(`http://${external.address}:${port}`, '/api/health', { timeoutMs: 3_000 });
    expect(answer.status).toBe(0);
  });

  it(`${PER_API} REST and ${PER_API} MLflow registrations at concurrency ${CONCURRENCY}: all succeed, numbered without gaps, each audited`, async () => {
    const token = people.scientist!.token;
    const rest = Array.from({ length: PER_API }, (_, i) => () =>
      call(app.url, `/api/v1/models/${model}/versions`, { token, body: versionBody({ artifactUri: `s3://embedded/rest/${i}` }) }),
    );
    const mlflow = Array.from({ length: PER_API }, (_, i) => () =>
      call(app.url, '/api/2.0/mlflow/model-versions/create', { token, body: { name: model, source: `s3://embedded/mlflow/${i}`, run_id: randomUUID().replaceAll('-', '') } }),
    );
    // Interleaved, so REST and MLflow writes really compete for the same model's numbers.
    const answers = await pool(CONCURRENCY, rest.flatMap((r, i) => [r, mlflow[i]!]));
    expect(answers.filter((a) => a.status < 200 || a.status > 299).map((a) => `${a.status} ${JSON.stringify(a.body)} ${a.failure ?? ''}`)).toEqual([]);

    const [stored] = await sql<{ numbers: number[]; audited: string }>(
      app.databaseUrl,
      `SELECT array_agg(v.number ORDER BY v.number) AS numbers,
              (SELECT count(*) FROM audit_event WHERE model_name = $1 AND action = 'version.registered') AS audited
       FROM model_version v JOIN registered_model m ON m.id = v.model_id WHERE m.name = $1`,
      [model],
    );
    expect(stored!.numbers).toEqual(Array.from({ length: 2 * PER_API }, (_, i) => i + 1));
    expect(stored!.audited).toBe(String(2 * PER_API));
    expect(errorLines(app.output())).toEqual([]);
  });

  it('50 racing approvals of competing versions: exactly one Production version', async () => {
    await raceApprovals({ bases: [app.url], databaseUrl: app.databaseUrl, scientist: people.scientist!, approvers: [people.approver1!, people.approver2!], count: 50 });
    expect(errorLines(app.output())).toEqual([]);
  });

  it('a second npm start on the same folder refuses, and the first keeps serving', async () => {
    const second = await start(false);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain('already in use by another Modelgate');
    expect((await call(app.url, '/api/health')).status).toBe(200);
    expect(postmastersOn(home)).toHaveLength(1);
  });

  it('Ctrl-C stops the app and its database; the next start finds everything registered before', async () => {
    const before = await versionCount(app.databaseUrl);
    await app.interrupt();
    expect(app.output()).toContain('stopped the app and its database');
    expect(postmastersOn(home)).toEqual([]);
    expect(existsSync(join(home, 'modelgate.pid'))).toBe(false);

    app = await start();
    expect(await versionCount(app.databaseUrl)).toBe(before);
    expect(app.output()).not.toContain('loading demo data');
  });

  it('kill -9 mid-stream: the next start stops the server left behind, keeps every acknowledged write, and runs exactly one', async () => {
    const token = people.scientist!.token;
    const acknowledged: number[] = [];
    let killed = false;
    const stream = pool(
      8,
      Array.from({ length: 120 }, (_, i) => async () => {
        const answer = await call(app.url, `/api/v1/models/${model}/versions`, { token, body: versionBody({ artifactUri: `s3://embedded/kill/${i}` }) });
        if (answer.status === 201) acknowledged.push((answer.body as { number: number }).number);
        if (acknowledged.length >= 30 && !killed) {
          killed = true;
          await app.kill();
        }
      }),
    );
    await stream;
    expect(killed).toBe(true);
    const orphan = postmasterPid(home);
    expect(orphan, 'the database server outlives a kill -9 of the app').not.toBeNull();

    app = await start();
    expect(app.output()).toContain(`still running on ${home}/postgres (PID ${orphan}); stopping it cleanly first`);
    const servers = postmastersOn(home);
    expect(servers).toHaveLength(1);
    expect(servers[0]).not.toBe(orphan);
    const numbers = (
      await sql<{ number: number }>(app.databaseUrl, 'SELECT v.number FROM model_version v JOIN registered_model m ON m.id = v.model_id WHERE m.name = $1', [model])
    ).map((r) => r.number);
    expect(acknowledged.filter((n) => !numbers.includes(n))).toEqual([]);
    expect((await call(app.url, `/api/v1/models/${model}/versions`, { token, body: versionBody() })).status).toBe(201);
  });
});
