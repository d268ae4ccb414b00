import { db } from '@/lib/db/prisma';

// Failed sign-ins are counted in Postgres, so the limit holds across every app instance.
const WINDOW_MS = 15 * 60 * 1000;
const LIMITS = { account: 10, address: 50 } as const;

export interface SignInKeys {
  account: string;
  address: string;
}

export function signInKeys(email: string, address: string | null): SignInKeys {
  return { account: `account:${email.toLowerCase()}`, address: `address:${address ?? 'unknown'}` };
}

/** True when the account or the client address has had too many failures in the last 15 minutes. */
export async function isSignInLimited(keys: SignInKeys): Promise<boolean> {
  const since = new Date(Date.now() - WINDOW_MS);
  const [account, address] = await Promise.all([
    db.signInFailure.count({ where: { key: keys.account, at: { gte: since } } }),
    db.signInFailure.count({ where: { key: keys.address, at: { gte: since } } }),
  ]);
  return account >= LIMITS.account || address >= LIMITS.address;
}

export async function recordSignInFailure(keys: SignInKeys): Promise<void> {
  await db.signInFailure.createMany({ data: [{ key: keys.account }, { key: keys.address }] });
  // Keep the table small: anything older than a day no longer matters.
  await db.signInFailure.deleteMany({ where: { at: { lt: new Date(Date.now() - 24 * 60 * 60 * 1000) } } });
}

export async function clearAccountFailures(keys: SignInKeys): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: keys.account } });
}

/** The client address as the nearest proxy reports it (first X-Forwarded-For entry), else X-Real-IP. */
export function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  if (first) return first;
  const real = headers?.['x-real-ip'];
  return typeof real === 'string' && real ? real : null;
}
