// The sign-in limits as a pure rule over counts, so the numbers can be read and tested in one place.
// Goal: slow a guesser down without handing anyone a way to lock a colleague out.

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const THROTTLE = {
  /** Failures for one account from one address are counted over a day (success forgives them)… */
  pairWindowMs: 24 * 60 * MINUTE,
  /** …and the first few cost nothing: everybody mistypes. */
  pairFree: 5,
  /** After that each further attempt waits twice as long as the last (30 s, 1 min, 2 min …), up to 15 minutes. */
  firstDelayMs: 30 * SECOND,
  maxDelayMs: 15 * MINUTE,
  /** Password spraying: one address failing on many accounts. */
  addressWindowMs: 15 * MINUTE,
  addressLimit: 50,
  /** A guess spread over many addresses: failures on one account from addresses it never signed in from. */
  accountWindowMs: 15 * MINUTE,
  distributedAddresses: 10,
  distributedFree: 20,
  /** An address the account signed in from within this long is "known": others' failures never slow it. */
  knownForMs: 30 * 24 * 60 * MINUTE,
} as const;

export interface ThrottleState {
  /** Failures for this account from this address within pairWindowMs, and the latest. */
  pair: { failures: number; last: Date | null };
  /** Failures from this address (any account) within addressWindowMs, and the oldest of them. */
  address: { failures: number; oldest: Date | null };
  /** Failures on this account from unknown addresses within accountWindowMs: how many, from how many addresses, the latest. */
  unknown: { failures: number; addresses: number; last: Date | null };
  /** The account signed in successfully from this address within knownForMs. */
  knownAddress: boolean;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number; reason: 'account-and-address' | 'address' | 'distributed' };

/** Doubling delay after `free` failures: 0 before, then 30 s, 1 min, 2 min … capped at 15 minutes. */
export function backoffMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(THROTTLE.firstDelayMs * 2 ** Math.min(failures - free, 20), THROTTLE.maxDelayMs);
}

/**
 * Whether to check this attempt's password at all. Only the pair (account, address) is slowed by its own
 * failures, so a colleague guessing from their desk delays only themselves; address-wide and account-wide
 * limits never apply to an address where the account has signed in before, and a right password from a new
 * address still works unless that address is itself spraying or the account is under a guess spread over
 * many addresses (then it waits, it is never locked).
 */
export function throttle(state: ThrottleState, now: Date): ThrottleVerdict {
  const wait = (since: Date | null, ms: number) => (since ? since.getTime() + ms - now.getTime() : 0);
  const pairWait = wait(state.pair.last, backoffMs(state.pair.failures, THROTTLE.pairFree));
  if (pairWait > 0) return { allowed: false, retryAfterMs: pairWait, reason: 'account-and-address' };
  if (state.knownAddress) return { allowed: true };
  if (state.address.failures >= THROTTLE.addressLimit) {
    return { allowed: false, retryAfterMs: Math.max(wait(state.address.oldest, THROTTLE.addressWindowMs), SECOND), reason: 'address' };
  }
  if (state.unknown.addresses >= THROTTLE.distributedAddresses) {
    const distributedWait = wait(state.unknown.last, backoffMs(state.unknown.failures, THROTTLE.distributedFree));
    if (distributedWait > 0) return { allowed: false, retryAfterMs: distributedWait, reason: 'distributed' };
  }
  return { allowed: true };
}
