import { db } from '@/lib/db/prisma';
import { THROTTLE, throttle, type ThrottleState } from './sign-in-throttle';

export { clientAddress } from './client-address';

// Sign-in attempts are counted in Postgres, so the limits hold across every app instance. The rule itself
// (who waits how long) is in sign-in-throttle.ts.

export interface SignInKeys {
  account: string;
  address: string;
}

export function signInKeys(email: string, address: string | null): SignInKeys {
  return { account: email.trim().toLowerCase(), address: address ?? 'unknown' };
}

/** A reserved attempt: its row counts as a failure until the password turns out to be right. */
export type SignInAttempt = { limited: true; retryAfterMs: number } | { limited: false; id: bigint };

interface StateRow {
  pairFailures: number;
  pairLast: Date | null;
  addressFailures: number;
  addressOldest: Date | null;
  unknownFailures: number;
  unknownAddresses: number;
  unknownLast: Date | null;
  knownAddress: boolean;
}

/**
 * Reserves one attempt before the password is checked, or says how long this account must wait from this
 * address. Counting and reserving happen under advisory locks on the account and the address, in one
 * transaction: without them, twenty guesses sent at once to two instances would all see "4 so far" and all
 * be let through. Both locks are taken in one order (account, then address), so attempts never wait on
 * each other crosswise.
 */
export async function beginSignInAttempt(keys: SignInKeys): Promise<SignInAttempt> {
  const now = new Date();
  const since = (ms: number) => new Date(now.getTime() - ms);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in account ${keys.account}`})), pg_advisory_xact_lock(hashtext(${`sign-in address ${keys.address}`}))`;
    const [row] = await tx.$queryRaw<StateRow[]>`
      WITH pair AS (
        SELECT count(*)::int AS failures, max("at") AS last FROM "sign_in_failure"
        WHERE "account" = ${keys.account} AND "address" = ${keys.address} AND "at" >= ${since(THROTTLE.pairWindowMs)}
      ), by_address AS (
        SELECT count(*)::int AS failures, min("at") AS oldest FROM "sign_in_failure"
        WHERE "address" = ${keys.address} AND "at" >= ${since(THROTTLE.addressWindowMs)}
      ), unknown AS (
        SELECT count(*)::int AS failures, count(DISTINCT f."address")::int AS addresses, max(f."at") AS last FROM "sign_in_failure" f
        WHERE f."account" = ${keys.account} AND f."at" >= ${since(THROTTLE.accountWindowMs)}
          AND NOT EXISTS (SELECT 1 FROM "sign_in_success" s WHERE s."account" = f."account" AND s."address" = f."address" AND s."at" >= ${since(THROTTLE.knownForMs)})
      )
      SELECT pair.failures AS "pairFailures", pair.last AS "pairLast", by_address.failures AS "addressFailures", by_address.oldest AS "addressOldest",
        unknown.failures AS "unknownFailures", unknown.addresses AS "unknownAddresses", unknown.last AS "unknownLast",
        EXISTS (SELECT 1 FROM "sign_in_success" WHERE "account" = ${keys.account} AND "address" = ${keys.address} AND "at" >= ${since(THROTTLE.knownForMs)}) AS "knownAddress"
      FROM pair, by_address, unknown`;
    const verdict = throttle(toState(row!), now);
    if (!verdict.allowed) return { limited: true, retryAfterMs: verdict.retryAfterMs };
    const reserved = await tx.signInFailure.create({ data: { account: keys.account, address: keys.address, at: now }, select: { id: true } });
    return { limited: false, id: reserved.id };
  });
}

function toState(row: StateRow): ThrottleState {
  return {
    pair: { failures: row.pairFailures, last: row.pairLast },
    address: { failures: row.addressFailures, oldest: row.addressOldest },
    unknown: { failures: row.unknownFailures, addresses: row.unknownAddresses, last: row.unknownLast },
    knownAddress: row.knownAddress,
  };
}

/**
 * The password was right: this account's failures from this address are forgiven (the reservation with
 * them), and the address becomes one the account is known to sign in from. Failures from elsewhere stay.
 */
export async function signInSucceeded(keys: SignInKeys, attempt: SignInAttempt): Promise<void> {
  void attempt; // Its reservation is one of the pair's failures, removed with them.
  const at = new Date();
  await db.$transaction([
    db.signInFailure.deleteMany({ where: { account: keys.account, address: keys.address } }),
    db.signInSuccess.upsert({ where: { account_address: keys }, create: { ...keys, at }, update: { at } }),
  ]);
}

/** The reservation stays as the failure. Rows too old to matter go, so both tables stay small (indexed on "at"). */
export async function signInFailed(): Promise<void> {
  const now = Date.now();
  await db.signInFailure.deleteMany({ where: { at: { lt: new Date(now - THROTTLE.pairWindowMs) } } });
  await db.signInSuccess.deleteMany({ where: { at: { lt: new Date(now - THROTTLE.knownForMs) } } });
}
