import { db } from '@/lib/db/prisma';

// Sign-in attempts are counted in Postgres, so the limit holds across every app instance.
const WINDOW_MS = 15 * 60 * 1000;
const LIMITS = { account: 10, address: 50 } as const;

export interface SignInKeys {
  account: string;
  address: string;
}

export function signInKeys(email: string, address: string | null): SignInKeys {
  return { account: `account:${email.toLowerCase()}`, address: `address:${address ?? 'unknown'}` };
}

/** A reserved attempt: its rows count as a failure until the password turns out to be right. */
export type SignInAttempt = { limited: true } | { limited: false; ids: bigint[] };

/**
 * Reserves one attempt before the password is checked, or reports that the account or client address
 * has used up its attempts for the last 15 minutes. Counting and reserving happen under per-key advisory
 * locks in one transaction: without them, twenty guesses sent at once to two instances would all see
 * "9 so far" and all be let through.
 */
export async function beginSignInAttempt(keys: SignInKeys): Promise<SignInAttempt> {
  const since = new Date(Date.now() - WINDOW_MS);
  return db.$transaction(async (tx) => {
    // Both keys in one fixed order (account < address), so two attempts never wait on each other crosswise.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${keys.account})), pg_advisory_xact_lock(hashtext(${keys.address}))`;
    const [account, address] = await Promise.all([
      tx.signInFailure.count({ where: { key: keys.account, at: { gte: since } } }),
      tx.signInFailure.count({ where: { key: keys.address, at: { gte: since } } }),
    ]);
    if (account >= LIMITS.account || address >= LIMITS.address) return { limited: true };
    const rows = await tx.signInFailure.createManyAndReturn({ data: [{ key: keys.account }, { key: keys.address }], select: { id: true } });
    return { limited: false, ids: rows.map((r) => r.id) };
  });
}

/** The password was right: the reservation is not a failure, and the account's earlier failures are forgiven. */
export async function signInSucceeded(keys: SignInKeys, attempt: SignInAttempt): Promise<void> {
  const ids = attempt.limited ? [] : attempt.ids;
  await db.signInFailure.deleteMany({ where: { OR: [{ key: keys.account }, { id: { in: ids } }] } });
}

/** The reservation stays as the failure. Anything older than a day no longer matters, so the table stays small. */
export async function signInFailed(): Promise<void> {
  await db.signInFailure.deleteMany({ where: { at: { lt: new Date(Date.now() - 24 * 60 * 60 * 1000) } } });
}

/** The client address as the nearest proxy reports it (first X-Forwarded-For entry), else X-Real-IP. */
export function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  if (first) return first;
  const real = headers?.['x-real-ip'];
  return typeof real === 'string' && real ? real : null;
}
