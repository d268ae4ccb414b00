import { describe, expect, it } from 'vitest';
import { ACTIONS, assertCan, can, denialReason, PERMISSIONS, type Action } from './permissions';
import { ROLES, SERVING, type SubjectRole } from './roles';

// The expected matrix, written out by hand so that a change to the table must be made twice, on purpose.
const EXPECTED: Record<SubjectRole, Action[]> = {
  viewer: ['registry.read', 'notifications.manage', 'version.resolve'],
  scientist: ['registry.read', 'notifications.manage', 'version.resolve', 'model.create', 'version.register', 'version.edit', 'version.comment', 'version.promote', 'version.request-production', 'version.archive', 'health.report'],
  approver: ['registry.read', 'notifications.manage', 'version.resolve', 'model.create', 'version.register', 'version.edit', 'version.comment', 'version.promote', 'version.request-production', 'version.archive', 'request.decide', 'model.rename-served', 'model.rollback', 'traffic.manage', 'health.report'],
  admin: [...ACTIONS],
  // A serving token: what a serving system does, and nothing else (not even reading the registry).
  serving: ['version.resolve', 'health.report'],
};

describe('permission table', () => {
  it.each<SubjectRole>([...ROLES, SERVING])('gives %s exactly its actions', (role) => {
    expect(ACTIONS.filter((action) => can(role, action))).toEqual(EXPECTED[role]);
  });

  it('gives each role everything the role below it has', () => {
    for (let i = 1; i < ROLES.length; i++) {
      for (const action of EXPECTED[ROLES[i - 1]!]) expect(can(ROLES[i]!, action)).toBe(true);
    }
  });

  it('describes every action', () => {
    for (const p of PERMISSIONS) expect(p.description.length).toBeGreaterThan(10);
  });

  it('refuses anonymous callers with UNAUTHENTICATED and others with FORBIDDEN', () => {
    expect(() => assertCan(null, 'registry.read')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => assertCan('viewer', 'version.promote')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => assertCan('scientist', 'version.promote')).not.toThrow();
  });

  it('explains a disabled button by the lowest role that may act', () => {
    expect(denialReason('scientist', 'model.rollback')).toBe('Needs the approver role');
    expect(denialReason('viewer', 'version.promote')).toBe('Needs the data scientist role');
    expect(denialReason('approver', 'model.rollback')).toBeNull();
    expect(denialReason('serving', 'registry.read')).toBe('A serving token can only resolve, route and report health');
    expect(() => assertCan('serving', 'model.create')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('cannot register a new model') }));
  });
});
