// Two app instances on one Postgres: the invariants hold in the database, not in either process.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApp, type AppInstance } from './app-instance';
import { createPeople, sql, type Person } from './bootstrap';
import { call, versionBody } from './client';
import { createModel as createModelOn, raceApprovals } from './races';
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

describe('sign-in rate limit across both instances', () => {
  /** One credentials sign-in through next-auth's own endpoints, as the browser's form does it. */
  async function signIn(instance: AppInstance, email: string, password: string): Promise<string> {
    return (await signInWithCookie(instance, email, password)).outcome;
  }

  async function signInWithCookie(instance: AppInstance, email: string, password: string): Promise<{ outcome: string; cookie: string }> {
    const csrf = await fetch(`${instance.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const response = await fetch(`${instance.url}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    });
    // With json=true (as next-auth's own client sends it) the answer is JSON with the URL to go to.
    const location = response.headers.get('location') ?? ((await response.json().catch(() => ({}))) as { url?: string }).url ?? '';
    const error = new URL(location, instance.url).searchParams.get('error');
    if (error) return { outcome: error, cookie: '' };
    const session = response.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
    return session ? { outcome: 'signed-in', cookie: session.split(';')[0]! } : { outcome: `unexpected ${response.status} ${location}`, cookie: '' };
  }

  it('30 simultaneous wrong passwords on two instances: 10 are checked, 20 refused, then even the right one waits', async () => {
    const [victim] = Object.values(await createPeople(databaseUrl, { victim: 'viewer' }));
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(i % 2 ? b : a, victim!.email, 'wrong password')));
    expect(answers.filter((x) => x === 'CredentialsSignin'), answers.join(', ')).toHaveLength(10);
    expect(answers.filter((x) => x === 'RATE_LIMITED')).toHaveLength(20);
    expect(await signIn(b, victim!.email, victim!.password)).toBe('RATE_LIMITED');
  });

  it('a right password signs in on either instance, and the session works on the other', async () => {
    const [user] = Object.values(await createPeople(databaseUrl, { user: 'viewer' }));
    const first = await signInWithCookie(a, user!.email, user!.password);
    expect(first.outcome).toBe('signed-in');
    const session = await fetch(`${b.url}/api/auth/session`, { headers: { cookie: first.cookie } });
    expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(user!.email);
    expect(await signIn(b, user!.email, user!.password)).toBe('signed-in');
  });
});
