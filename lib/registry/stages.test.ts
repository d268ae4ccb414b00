import { describe, expect, it } from 'vitest';
import { assertTransition, findTransition, STAGES, TRANSITIONS, type Stage, type TransitionKind } from './stages';
import { RegistryError } from './errors';

const ALLOWED: [Stage, Stage, TransitionKind][] = [
  ['testing', 'staging', 'promote'],
  ['staging', 'production', 'request-production'],
  ['production', 'archived', 'archive'],
  ['testing', 'archived', 'archive'],
  ['staging', 'archived', 'archive'],
  ['staging', 'testing', 'demote'],
  ['archived', 'testing', 'restore'],
  ['archived', 'production', 'rollback'],
];

describe('transition table', () => {
  it('contains exactly the documented moves', () => {
    expect(TRANSITIONS.map((t) => [t.from, t.to, t.kind])).toEqual(ALLOWED);
  });

  it.each(ALLOWED)('allows %s → %s by %s', (from, to, kind) => {
    expect(assertTransition(from, to, kind)).toMatchObject({ from, to, kind });
  });

  const refused = STAGES.flatMap((from) => STAGES.map((to) => [from, to] as const)).filter(([from, to]) => !ALLOWED.some(([f, t]) => f === from && t === to));

  it.each(refused)('refuses %s → %s with INVALID_TRANSITION', (from, to) => {
    expect(findTransition(from, to)).toBeUndefined();
    try {
      assertTransition(from, to, 'promote');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RegistryError);
      expect((error as RegistryError).code).toBe('INVALID_TRANSITION');
    }
  });

  it('refuses a listed move made by the wrong verb (staging → production is not a promote)', () => {
    expect(() => assertTransition('staging', 'production', 'promote')).toThrow(/request production/);
  });

  it('names the allowed targets in the error details', () => {
    try {
      assertTransition('testing', 'production', 'promote');
    } catch (error) {
      expect((error as RegistryError).details).toMatchObject({ allowed: ['staging', 'archived'] });
    }
  });
});
