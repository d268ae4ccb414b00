import { describe, expect, it } from 'vitest';
import { backoffMs, THROTTLE, throttle, type ThrottleState } from './sign-in-throttle';

const now = new Date('2026-06-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const quiet: ThrottleState = { pair: { failures: 0, last: null }, address: { failures: 0, oldest: null }, unknown: { failures: 0, addresses: 0, last: null }, knownAddress: false };

describe('sign-in throttle', () => {
  it('doubles the wait after the free failures, up to 15 minutes', () => {
    expect([4, 5, 6, 7, 9, 10, 40].map((n) => backoffMs(n, 5))).toEqual([0, 30_000, 60_000, 120_000, 480_000, 900_000, 900_000]);
  });

  it('makes a pair wait from its last failure, then lets it try again', () => {
    // 7 failures: the third beyond the free five waits 2 minutes.
    const state = { ...quiet, pair: { failures: 7, last: ago(30_000) } };
    expect(throttle(state, now)).toEqual({ allowed: false, retryAfterMs: 90_000, reason: 'account-and-address' });
    expect(throttle({ ...state, pair: { failures: 7, last: ago(121_000) } }, now)).toEqual({ allowed: true });
  });

  it('never slows a known address for failures from elsewhere', () => {
    const underAttack = { ...quiet, address: { failures: 500, oldest: ago(1000) }, unknown: { failures: 400, addresses: 90, last: ago(10) } };
    expect(throttle(underAttack, now).allowed).toBe(false);
    expect(throttle({ ...underAttack, knownAddress: true }, now)).toEqual({ allowed: true });
  });

  it('slows unknown addresses only when the account is guessed at from many addresses', () => {
    const fewAddresses = { ...quiet, unknown: { failures: 40, addresses: THROTTLE.distributedAddresses - 1, last: ago(10) } };
    expect(throttle(fewAddresses, now)).toEqual({ allowed: true });
    const many = { ...quiet, unknown: { failures: 40, addresses: THROTTLE.distributedAddresses, last: ago(10) } };
    expect(throttle(many, now)).toMatchObject({ allowed: false, reason: 'distributed' });
  });

  it('refuses a spraying address until its oldest failure leaves the window', () => {
    const spraying = { ...quiet, address: { failures: THROTTLE.addressLimit, oldest: ago(THROTTLE.addressWindowMs - 60_000) } };
    expect(throttle(spraying, now)).toEqual({ allowed: false, retryAfterMs: 60_000, reason: 'address' });
  });
});
