import { describe, expect, it } from 'vitest';
import { assertSemverMovesForward, compareSemver, formatSemver, nextSemver, parseSemver, sameFeatures } from './semver';

const features = [{ name: 'amount', type: 'float' }, { name: 'country', type: 'string' }];

describe('parseSemver', () => {
  it('parses MAJOR.MINOR.PATCH', () => {
    expect(parseSemver('1.4.0')).toEqual({ major: 1, minor: 4, patch: 0 });
    expect(parseSemver(' 10.0.12 ')).toEqual({ major: 10, minor: 0, patch: 12 });
  });

  it.each(['1.4', 'v1.4.0', '1.4.0-beta', '01.2.3', 'a.b.c', '', '1.2.3.4'])('refuses %j with INVALID_ARGUMENT', (text) => {
    expect(() => parseSemver(text)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('round-trips through formatSemver and orders numerically', () => {
    expect(formatSemver(parseSemver('2.10.3'))).toBe('2.10.3');
    expect(compareSemver(parseSemver('2.10.0'), parseSemver('2.9.9'))).toBeGreaterThan(0);
    expect(compareSemver(parseSemver('1.0.0'), parseSemver('1.0.0'))).toBe(0);
  });
});

describe('nextSemver', () => {
  const latest = { semver: { major: 2, minor: 3, patch: 4 }, dataVersion: '2026-09', features };

  it('starts at 1.0.0', () => {
    expect(nextSemver(null, { dataVersion: 'x', features })).toEqual({ semver: { major: 1, minor: 0, patch: 0 }, reason: 'first' });
  });

  it('bumps MAJOR when the feature set or input schema changes', () => {
    expect(nextSemver(latest, { dataVersion: '2026-09', features: [...features, { name: 'velocity', type: 'float' }] })).toEqual({ semver: { major: 3, minor: 0, patch: 0 }, reason: 'schema-change' });
    expect(nextSemver(latest, { dataVersion: '2026-09', features: [{ name: 'amount', type: 'int' }, features[1]] }).reason).toBe('schema-change');
  });

  it('bumps MINOR when only the data version changes', () => {
    expect(nextSemver(latest, { dataVersion: '2026-10', features })).toEqual({ semver: { major: 2, minor: 4, patch: 0 }, reason: 'data-change' });
  });

  it('bumps PATCH otherwise, ignoring the order features are listed in', () => {
    expect(nextSemver(latest, { dataVersion: '2026-09', features: [...features].reverse() })).toEqual({ semver: { major: 2, minor: 3, patch: 5 }, reason: 'patch' });
  });

  it('prefers MAJOR when both schema and data change', () => {
    expect(nextSemver(latest, { dataVersion: 'new', features: [] }).reason).toBe('schema-change');
  });
});

describe('sameFeatures', () => {
  it('compares objects regardless of key order', () => {
    expect(sameFeatures([{ type: 'float', name: 'a' }], [{ name: 'a', type: 'float' }])).toBe(true);
    expect(sameFeatures([{ name: 'a', type: 'float' }], [{ name: 'b', type: 'float' }])).toBe(false);
  });
});

describe('assertSemverMovesForward', () => {
  const v = (text: string) => parseSemver(text);
  it('accepts anything above the latest, and anything at all for a first version', () => {
    expect(() => assertSemverMovesForward(v('3.0.6'), v('3.0.5'), null)).not.toThrow();
    expect(() => assertSemverMovesForward(v('4.0.0'), v('3.0.5'), null)).not.toThrow();
    expect(() => assertSemverMovesForward(v('0.0.1'), null, null)).not.toThrow();
  });

  it('accepts a higher patch on an existing older line (a hotfix), nothing else below the latest', () => {
    expect(() => assertSemverMovesForward(v('2.4.4'), v('3.0.5'), 3)).not.toThrow();
    expect(() => assertSemverMovesForward(v('2.4.3'), v('3.0.5'), 3)).toThrow(/above 2\.4\.3/);
    expect(() => assertSemverMovesForward(v('2.5.0'), v('3.0.5'), null)).toThrow(/no 2\.5\.x version/);
    expect(() => assertSemverMovesForward(v('0.0.1'), v('3.0.5'), null)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
