import { describe, expect, it } from 'vitest';
import { assertTransition, findTransition, isSimpleMove, simpleMove, SIMPLE_MOVES, STAGES, TRANSITIONS, transitionsFrom, type Stage, type TransitionKind } from './stages';
import { AUDIT_ACTIONS } from './audit-events';
import { PERMISSIONS } from './permissions';
import { RegistryError } from './errors';

// In table order: grouped by the stage a move leaves, as the board shows them.
const ALLOWED: [Stage, Stage, TransitionKind][] = [
  ['testing', 'staging', 'promote'],
  ['testing', 'archived', 'archive'],
  ['staging', 'production', 'request-production'],
  ['staging', 'testing', 'demote'],
  ['staging', 'archived', 'archive'],
  ['production', 'archived', 'archive'],
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

describe('one row per move: what the service, the MLflow adapter and the board read', () => {
  it('each row names a permission from the permission table and an audit action', () => {
    const actions = new Set<string>(PERMISSIONS.map((p) => p.action));
    for (const t of TRANSITIONS) {
      if (t.permission !== null) expect(actions.has(t.permission), `${t.from} → ${t.to}`).toBe(true);
      expect(Object.keys(AUDIT_ACTIONS), `${t.from} → ${t.to}`).toContain(t.audit);
    }
  });

  it('governs Production: it is entered only through a request or a rollback, and left only by replacement', () => {
    for (const t of TRANSITIONS.filter((t) => t.to === 'production')) expect(['request', 'rollback']).toContain(t.path);
    for (const t of TRANSITIONS.filter((t) => t.from === 'production')) expect(t.path).toBe('replacement');
    expect(TRANSITIONS.filter((t) => t.path === 'move').every((t) => t.from !== 'production' && t.to !== 'production')).toBe(true);
  });

  it('simple moves are exactly the rows that happen at once, and each row of one move needs and writes the same', () => {
    const direct = TRANSITIONS.filter((t) => t.path === 'move');
    expect(new Set(direct.map((t) => t.kind))).toEqual(new Set(SIMPLE_MOVES));
    for (const t of direct) {
      expect(isSimpleMove(t.kind)).toBe(true);
      expect(t.label).toBeTruthy();
      if (isSimpleMove(t.kind)) expect(simpleMove(t.kind)).toEqual({ to: t.to, permission: t.permission, audit: t.audit, reasonRequired: t.reasonRequired });
    }
  });

  it('the board offers, per stage, the moves of that stage in table order', () => {
    const offered = (stage: Stage) => transitionsFrom(stage).filter((t) => t.label !== null).map((t) => t.label);
    expect(offered('testing')).toEqual(['Promote to Staging', 'Archive']);
    expect(offered('staging')).toEqual(['Request Production', 'Demote', 'Archive']);
    expect(offered('production')).toEqual([]);
    expect(offered('archived')).toEqual(['Restore']);
  });
});
