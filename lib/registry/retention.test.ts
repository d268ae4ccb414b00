import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZPolicy, ZRetentionRule } from './policy';
import { applyRetention, describeRetentionRule, type RetentionCandidate } from './retention';
import type { Stage } from './stages';

const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);

function version(number: number, overrides: Partial<RetentionCandidate> = {}): RetentionCandidate {
  return { number, semver: `1.${number}.0`, stage: 'testing', enteredStageAt: daysAgo(100 - number), servedProduction: false, pendingRequest: false, aliases: [], ...overrides };
}

const numbers = (rows: { number: number }[]) => rows.map((r) => r.number);

describe('applyRetention', () => {
  it('archives Testing versions in Testing for more than N days, oldest first, and says why', () => {
    const decision = applyRetention([version(1, { enteredStageAt: daysAgo(45) }), version(2, { enteredStageAt: daysAgo(31) }), version(3, { enteredStageAt: daysAgo(5) })], { archiveTestingOlderThanDays: 30 }, NOW);
    expect(numbers(decision.archive)).toEqual([1, 2]);
    expect(decision.archive[0]).toMatchObject({ ageDays: 45, reason: 'older than 30 days (45 days in Testing)' });
    expect(decision.kept).toEqual([{ number: 3, semver: '1.3.0', stage: 'testing', reason: 'recent', detail: '5 days in Testing, not more than 30 days' }]);
  });

  it('counts "older than" strictly: exactly N days is kept, a millisecond more is archived', () => {
    const exactly = version(1, { enteredStageAt: daysAgo(30) });
    const justOver = version(2, { enteredStageAt: new Date(daysAgo(30).getTime() - 1) });
    expect(numbers(applyRetention([exactly, justOver], { archiveTestingOlderThanDays: 30 }, NOW).archive)).toEqual([2]);
  });

  it('keeps the newest K Testing versions by registration order, whatever their age', () => {
    const versions = [1, 2, 3, 4, 5].map((n) => version(n, { enteredStageAt: daysAgo(1) }));
    const decision = applyRetention(versions, { keepNewestTesting: 2 }, NOW);
    expect(numbers(decision.archive)).toEqual([1, 2, 3]);
    expect(decision.kept.map((k) => [k.number, k.reason])).toEqual([[5, 'newest'], [4, 'newest']]);
    expect(decision.archive[0]!.reason).toBe('beyond the newest 2 Testing versions');
  });

  it('with both, archives only what is old and beyond the newest K', () => {
    const versions = [version(1, { enteredStageAt: daysAgo(90) }), version(2, { enteredStageAt: daysAgo(2) }), version(3, { enteredStageAt: daysAgo(80) }), version(4, { enteredStageAt: daysAgo(70) })];
    const decision = applyRetention(versions, { archiveTestingOlderThanDays: 30, keepNewestTesting: 1 }, NOW);
    expect(numbers(decision.archive)).toEqual([1, 3]);
    expect(decision.kept.map((k) => [k.number, k.reason])).toEqual([[4, 'newest'], [2, 'recent']]);
  });

  it('keepNewestTesting 0 archives every Testing version it may', () => {
    expect(numbers(applyRetention([version(1), version(2)], { keepNewestTesting: 0 }, NOW).archive)).toEqual([1, 2]);
  });

  it('never archives Staging, Production, what served Production, or what a pending request or an alias names', () => {
    const versions: RetentionCandidate[] = [
      version(1, { stage: 'staging', pendingRequest: true }),
      version(7, { stage: 'staging' }),
      version(2, { stage: 'production', servedProduction: true }),
      version(3, { servedProduction: true }),
      version(4, { pendingRequest: true }),
      version(5, { aliases: ['challenger'] }),
      version(6),
    ];
    const decision = applyRetention(versions, { keepNewestTesting: 0, archiveTestingOlderThanDays: 1 }, NOW);
    expect(numbers(decision.archive)).toEqual([6]);
    expect(Object.fromEntries(decision.kept.map((k) => [k.number, k.detail]))).toEqual({
      1: 'named by a pending request',
      7: 'in Staging: retention archives Testing versions only',
      2: 'in Production: retention archives Testing versions only',
      3: 'served Production once: kept as a possible rollback target',
      4: 'named by a pending request',
      5: 'the alias @challenger points at it',
    });
  });

  it('counts protected Testing versions towards the newest K', () => {
    const decision = applyRetention([version(1), version(2), version(3, { pendingRequest: true })], { keepNewestTesting: 2 }, NOW);
    expect(numbers(decision.archive)).toEqual([1]);
  });

  it('describes the rule', () => {
    expect(describeRetentionRule({ archiveTestingOlderThanDays: 30, keepNewestTesting: 1 })).toBe('after 30 days in Testing, keeping the newest 1');
    expect(describeRetentionRule({ archiveTestingOlderThanDays: 1 })).toBe('after 1 day in Testing');
    expect(describeRetentionRule({ keepNewestTesting: 5 })).toBe('beyond the newest 5 Testing versions');
  });
});

describe('ZRetentionRule', () => {
  it.each([
    [{}, 'A retention rule needs a number of days'],
    [{ archiveTestingOlderThanDays: 0 }, 'At least 1 day.'],
    [{ archiveTestingOlderThanDays: 1.5 }, 'Enter a whole number of days.'],
    [{ keepNewestTesting: -1 }, 'At least 0.'],
    [{ keepNewestTesting: 'five' }, 'Enter a whole number of versions.'],
  ])('refuses %j with a clear message', (rule, message) => {
    const parsed = ZRetentionRule.safeParse(rule);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toContain(message);
  });

  it('is optional in a policy, and null means "remove it"', () => {
    expect(ZPolicy.parse({}).retention).toBeUndefined();
    expect(ZPolicy.parse({ retention: null }).retention).toBeNull();
    expect(ZPolicy.parse({ retention: { keepNewestTesting: 3 } }).retention).toEqual({ keepNewestTesting: 3 });
  });
});

const STAGE_ARB = fc.constantFrom<Stage>('testing', 'testing', 'testing', 'staging', 'production');
const candidates = fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 40 }).chain((nums) =>
  fc.tuple(
    ...nums.map((n) =>
      fc.record({
        number: fc.constant(n),
        semver: fc.constant(`1.${n}.0`),
        stage: STAGE_ARB,
        enteredStageAt: fc.integer({ min: 0, max: 400 }).map(daysAgo),
        servedProduction: fc.boolean(),
        pendingRequest: fc.boolean(),
        aliases: fc.constantFrom<string[]>([], [], [], ['challenger']),
      }),
    ),
  ),
);
const rules = fc
  .record({ archiveTestingOlderThanDays: fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined }), keepNewestTesting: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }) })
  .filter((r) => r.archiveTestingOlderThanDays !== undefined || r.keepNewestTesting !== undefined)
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

describe('applyRetention, for any versions and rule', () => {
  it('archives only unprotected Testing versions, and accounts for every version exactly once', () => {
    fc.assert(
      fc.property(candidates, rules, (versions, rule) => {
        const decision = applyRetention(versions, rule, NOW);
        const byNumber = new Map(versions.map((v) => [v.number, v]));
        for (const a of decision.archive) {
          const v = byNumber.get(a.number)!;
          expect(v.stage).toBe('testing');
          expect(v.servedProduction || v.pendingRequest || v.aliases.length > 0).toBe(false);
          if (rule.archiveTestingOlderThanDays !== undefined) expect(NOW.getTime() - v.enteredStageAt.getTime()).toBeGreaterThan(rule.archiveTestingOlderThanDays * DAY);
        }
        expect([...numbers(decision.archive), ...numbers(decision.kept)].sort((x, y) => x - y)).toEqual(numbers(versions).sort((x, y) => x - y));
      }),
    );
  });

  it('always keeps the newest K Testing versions', () => {
    fc.assert(
      fc.property(candidates, rules, (versions, rule) => {
        const newest = versions.filter((v) => v.stage === 'testing').sort((a, b) => b.number - a.number).slice(0, rule.keepNewestTesting ?? 0);
        const archived = new Set(numbers(applyRetention(versions, rule, NOW).archive));
        for (const v of newest) expect(archived.has(v.number)).toBe(false);
      }),
    );
  });

  it('is idempotent: a second pass over what the first left archives nothing', () => {
    fc.assert(
      fc.property(candidates, rules, (versions, rule) => {
        const archived = new Set(numbers(applyRetention(versions, rule, NOW).archive));
        expect(applyRetention(versions.filter((v) => !archived.has(v.number)), rule, NOW).archive).toEqual([]);
      }),
    );
  });
});
