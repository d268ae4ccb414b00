// Sign-in limits against real Postgres: a guesser is slowed down, a colleague cannot lock anyone out, and
// the counting holds under concurrency. The rule's numbers are in lib/auth/sign-in-throttle.ts.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { beginSignInAttempt, signInFailed, signInKeys, signInSucceeded } from '@/lib/auth/rate-limit';
import { THROTTLE } from '@/lib/auth/sign-in-throttle';

const account = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;
const address = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function fail(email: string, from: string) {
  const attempt = await beginSignInAttempt(signInKeys(email, from));
  await signInFailed();
  return attempt;
}

describe('sign-in limits', () => {
  it('slows one account from one address after 5 failures, and nothing else', async () => {
    const victim = account('victim');
    const colleagueDesk = address();
    for (let i = 0; i < THROTTLE.pairFree; i++) expect(await fail(victim, colleagueDesk)).toMatchObject({ limited: false });
    const sixth = await fail(victim, colleagueDesk);
    expect(sixth).toMatchObject({ limited: true });
    expect(sixth.limited && sixth.retryAfterMs).toBeGreaterThan(0);
    expect(sixth.limited && sixth.retryAfterMs).toBeLessThanOrEqual(THROTTLE.firstDelayMs);
    // The victim, signing in from their own machine, is not slowed by the colleague's guesses.
    const own = signInKeys(victim, address());
    const attempt = await beginSignInAttempt(own);
    expect(attempt).toMatchObject({ limited: false });
    await signInSucceeded(own, attempt);
  });

  it('checks exactly 5 of 30 simultaneous guesses (counting and reserving are atomic)', async () => {
    const keys = signInKeys(account('burst'), address());
    const results = await Promise.all(Array.from({ length: 30 }, () => beginSignInAttempt(keys)));
    expect(results.filter((r) => !r.limited)).toHaveLength(THROTTLE.pairFree);
  });

  it('forgives a pair its failures on success, and keeps the address it succeeded from open during a spread-out attack', async () => {
    const victim = account('target');
    const home = address();
    await fail(victim, home);
    const keys = signInKeys(victim, home);
    await signInSucceeded(keys, await beginSignInAttempt(keys));
    expect(await db.signInFailure.count({ where: { account: victim, address: home } })).toBe(0);
    // 12 addresses × 2 failures: a guess spread over many addresses.
    for (let i = 0; i < 12; i++) for (let j = 0; j < 2; j++) await fail(victim, `203.0.113.${i}`);
    expect(await beginSignInAttempt(signInKeys(victim, '192.0.2.77'))).toMatchObject({ limited: true });
    expect(await beginSignInAttempt(keys)).toMatchObject({ limited: false });
  });

  it('stops an address spraying many accounts, except for accounts that signed in from it before', async () => {
    const office = address();
    const regular = account('regular');
    const regularKeys = signInKeys(regular, office);
    await signInSucceeded(regularKeys, await beginSignInAttempt(regularKeys));
    for (let i = 0; i < THROTTLE.addressLimit; i++) await fail(account(`spray${i}`), office);
    expect(await beginSignInAttempt(signInKeys(account('next'), office))).toMatchObject({ limited: true });
    expect(await beginSignInAttempt(regularKeys)).toMatchObject({ limited: false });
  });

  it('cleans up by age, with an index on what it deletes by', async () => {
    const old = account('old');
    await db.signInFailure.create({ data: { account: old, address: '192.0.2.1', at: new Date(Date.now() - THROTTLE.pairWindowMs - 60_000) } });
    await db.signInSuccess.create({ data: { account: old, address: '192.0.2.1', at: new Date(Date.now() - THROTTLE.knownForMs - 60_000) } });
    await signInFailed();
    expect(await db.signInFailure.count({ where: { account: old } })).toBe(0);
    expect(await db.signInSuccess.count({ where: { account: old } })).toBe(0);
    const indexes = await db.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE tablename IN ('sign_in_failure', 'sign_in_success')`;
    expect(indexes.map((i) => i.indexdef)).toEqual(expect.arrayContaining([expect.stringMatching(/sign_in_failure USING btree \(at\)/), expect.stringMatching(/sign_in_success USING btree \(at\)/)]));
  });
});
