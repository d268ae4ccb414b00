// Two app instances on one Postgres: the invariants hold in the database, not in either process.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApp, type AppInstance } from './app-instance';
import { createPeople, sql, type Person } from './bootstrap';
import { call, versionBody } from './client';
import { createModel as createModelOn, raceApprovals } from './races';
import { signIn, signInWithCookie } from './sign-in-client';
import { SCALE } from './scale';

const databaseUrl = inject('databaseUrl');
let a: AppInstance;
let b: AppInstance;
let people: Record<string, Person>;

beforeAll(async () => {
  [a, b] = await Promise.all([startApp('instance A', databaseUrl), startApp('instance B', databaseUrl)]);
  people = await createPeople(databaseUrl, { scientist: 'scientist', approver1: 'approver', approver2: 'approver', admin: 'admin' });
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const createModel = (token: string) => createModelOn(a.url, token);

describe('two instances on one database', () => {
  it(`${SCALE.registrations} simultaneous registrations split across both get numbers 1…${SCALE.registrations}, no error, one audit row each`, async () => {
    const model = await createModel(people.scientist!.token);
    const answers = await Promise.all(
      Array.from({ length: SCALE.registrations }, (_, i) =>
        call(i % 2 ? b.url : a.url, `/api/v1/models/${model}/versions`, { token: people.scientist!.token, body: versionBody({ artifactUri: `s3://m/${i}` }) }),
      ),
    );
    const failures = answers.filter((x) => x.status !== 201);
    expect(failures.map((f) => `${f.status} ${JSON.stringify(f.body)} ${f.failure ?? ''}`)).toEqual([]);
    const numbers = answers.map((x) => (x.body as { number: number }).number).sort((p, q) => p - q);
    expect(numbers).toEqual(Array.from({ length: SCALE.registrations }, (_, i) => i + 1));

    const stored = await sql<{ versions: string; audited: string; distinct_audited: string }>(
      databaseUrl,
      `SELECT (SELECT count(*) FROM model_version v JOIN registered_model m ON m.id = v.model_id WHERE m.name = $1) AS versions,
              (SELECT count(*) FROM audit_event WHERE model_name = $1 AND action = 'version.registered') AS audited,
              (SELECT count(DISTINCT version_id) FROM audit_event WHERE model_name = $1 AND action = 'version.registered') AS distinct_audited`,
      [model],
    );
    expect(stored[0]).toEqual({ versions: String(SCALE.registrations), audited: String(SCALE.registrations), distinct_audited: String(SCALE.registrations) });
    const verified = await call(b.url, '/api/admin/audit/verify', { token: people.admin!.token, body: {} });
    expect(verified.body).toMatchObject({ ok: true });
  });

  it(`${SCALE.approvals} racing approvals of competing versions, on both instances: exactly one Production version`, async () => {
    await raceApprovals({ bases: [a.url, b.url], databaseUrl, scientist: people.scientist!, approvers: [people.approver1!, people.approver2!], count: SCALE.approvals });
  });
});

describe('sign-in limits across both instances', () => {
  // The rule changed with issue 12: a password guesser is slowed per account and client address (5 free
  // failures, then a doubling wait) instead of locking the account for everyone after 10; X-Forwarded-For
  // counts only from a configured proxy. These tests used to expect 10 checked / 20 refused.
  it('30 simultaneous wrong passwords on two instances, under spoofed X-Forwarded-For: 5 are checked, 25 refused, then even the right one waits here', async () => {
    const [victim] = Object.values(await createPeople(databaseUrl, { victim: 'viewer' }));
    // Were the header believed, each made-up address would get its own 5 free guesses.
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(i % 2 ? b : a, victim!.email, 'wrong password', { forwardedFor: `203.0.113.${i}` })));
    expect(answers.filter((x) => x === 'CredentialsSignin'), answers.join(', ')).toHaveLength(5);
    expect(answers.filter((x) => x === 'RATE_LIMITED')).toHaveLength(25);
    expect(await signIn(b, victim!.email, victim!.password)).toBe('RATE_LIMITED');
    // …but not from another machine: a colleague's guesses never lock anyone out.
    expect(await signIn(a, victim!.email, victim!.password, { from: '127.0.0.2' })).toBe('signed-in');
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const proxied = await startApp('instance behind a proxy', databaseUrl, { MODELGATE_TRUSTED_PROXIES: '127.0.0.1' });
    try {
      const [victim] = Object.values(await createPeople(databaseUrl, { victim: 'viewer' }));
      for (let i = 0; i < 5; i++) expect(await signIn(proxied, victim!.email, 'wrong password', { forwardedFor: '198.51.100.7' })).toBe('CredentialsSignin');
      expect(await signIn(proxied, victim!.email, victim!.password, { forwardedFor: '198.51.100.7' })).toBe('RATE_LIMITED');
      // The proxy reports another client: that client is not held back by the first one's failures.
      expect(await signIn(proxied, victim!.email, victim!.password, { forwardedFor: '198.51.100.8' })).toBe('signed-in');
    } finally {
      await proxied.stop();
    }
  });

  it('a right password signs in on either instance, and the session works on the other', async () => {
    const [user] = Object.values(await createPeople(databaseUrl, { user: 'viewer' }));
    const first = await signInWithCookie(a, user!.email, user!.password);
    expect(first.outcome).toBe('signed-in');
    const session = await fetch(`${b.url}/api/auth/session`, { headers: { cookie: first.cookie } });
    expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(user!.email);
    expect(await signIn(b, user!.email, user!.password)).toBe('signed-in');
  });

  it('both instances work the job queue as the app\'s own database role: queued jobs run, none is left or fails', async () => {
    const marker = `two-instances-${Date.now()}`;
    await sql(databaseUrl, `SELECT graphile_worker.add_job('noop', json_build_object('marker', $1::text, 'i', i)) FROM generate_series(1, 20) AS i`, [marker]);
    const left = async () =>
      Number((await sql<{ n: string }>(databaseUrl, `SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload->>'marker' = $1`, [marker]))[0]!.n);
    const deadline = Date.now() + 20_000;
    while ((await left()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await left()).toBe(0);
    expect(a.output() + b.output()).not.toContain('job queue did not start');
  });
});
