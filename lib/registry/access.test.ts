import { describe, expect, it } from 'vitest';
import { assertAllowed, canAnywhere, canOn, lowerRole, mayCancelRequest, roleFor, roleOn, visibleModels } from './access';

describe('roleOn', () => {
  it('uses a per-model grant over the global role, in both directions', () => {
    const subject = { role: 'viewer' as const, grants: { 'fraud-detector': 'approver' as const, churn: 'viewer' as const } };
    expect(roleOn(subject, 'fraud-detector')).toBe('approver');
    expect(roleOn(subject, 'other')).toBe('viewer');
    expect(roleOn({ role: 'approver', grants: { churn: 'viewer' } }, 'churn')).toBe('viewer');
  });

  it('gives no role where a grant says none, and reads a model named like an object property as any other', () => {
    expect(roleOn({ role: 'serving', grants: { churn: null } }, 'churn')).toBeNull();
    expect(roleOn({ role: 'viewer' }, 'constructor')).toBe('viewer');
    expect(roleOn({ role: 'viewer', grants: {} }, '__proto__')).toBe('viewer');
  });

  it('gives a model-restricted token no role on any other model', () => {
    expect(roleOn({ role: 'scientist', modelScope: 'churn' }, 'churn')).toBe('scientist');
    expect(roleOn({ role: 'scientist', modelScope: 'churn' }, 'fraud-detector')).toBeNull();
  });
});

describe('canAnywhere', () => {
  it('lets a globally read-only user through to a handler when a grant allows the action somewhere', () => {
    expect(canAnywhere({ role: 'viewer' }, 'model.rollback')).toBe(false);
    expect(canAnywhere({ role: 'viewer', grants: { churn: 'approver' } }, 'model.rollback')).toBe(true);
  });

  it('respects the model restriction of a token', () => {
    expect(canAnywhere({ role: 'approver', modelScope: 'churn' }, 'model.rollback')).toBe(true);
    expect(canAnywhere({ role: 'viewer', modelScope: 'churn', grants: { other: 'approver' } }, 'model.rollback')).toBe(false);
  });
});

describe('roleFor and assertAllowed', () => {
  const scopedAdmin = { role: 'admin' as const, modelScope: 'churn' };
  const grantedAdmin = { role: 'viewer' as const, grants: { churn: 'admin' as const } };

  it('refuses a token restricted to one model anything registry-wide, whatever its role', () => {
    expect(roleFor(scopedAdmin, 'global')).toBeNull();
    expect(canOn(scopedAdmin, 'users.manage', 'global')).toBe(false);
    expect(() => assertAllowed(scopedAdmin, 'tokens.manage', 'global')).toThrow(/restricted to the model "churn" and cannot reach registry-wide data/);
    expect(canOn(scopedAdmin, 'policies.manage', { model: 'churn' })).toBe(true);
    expect(canOn(scopedAdmin, 'policies.manage', { model: 'fraud' })).toBe(false);
  });

  it('gives a per-model grant nothing registry-wide: only the global role counts there', () => {
    expect(roleFor(grantedAdmin, 'global')).toBe('viewer');
    for (const action of ['users.manage', 'tokens.manage', 'webhooks.manage', 'audit.export', 'audit.verify', 'model.create'] as const) {
      expect(canOn(grantedAdmin, action, 'global'), action).toBe(false);
    }
    expect(canOn(grantedAdmin, 'policies.manage', { model: 'churn' })).toBe(true);
    expect(canOn(grantedAdmin, 'policies.manage', { model: 'fraud' })).toBe(false);
    expect(() => assertAllowed(grantedAdmin, 'users.manage', 'global')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('lets an unrestricted global role act everywhere its role allows', () => {
    expect(canOn({ role: 'admin' }, 'users.manage', 'global')).toBe(true);
    expect(canOn({ role: 'scientist' }, 'model.create', 'global')).toBe(true);
    expect(() => assertAllowed({ role: 'approver' }, 'model.rollback', { model: 'x' })).not.toThrow();
  });

  it('limits the rows of a list to the token\'s model', () => {
    expect(visibleModels(scopedAdmin)).toEqual(['churn']);
    expect(visibleModels(grantedAdmin)).toBeNull();
  });
});

describe('lowerRole', () => {
  it('picks the less powerful role', () => {
    expect(lowerRole('admin', 'scientist')).toBe('scientist');
    expect(lowerRole('viewer', 'approver')).toBe('viewer');
  });
});

describe('mayCancelRequest', () => {
  const request = { model: 'churn', requesterId: 'u1' };
  it('lets the requester or an admin on the model withdraw, nobody else', () => {
    expect(mayCancelRequest({ id: 'u1', role: 'scientist' }, request)).toBe(true);
    expect(mayCancelRequest({ id: 'u2', role: 'scientist' }, request)).toBe(false);
    expect(mayCancelRequest({ id: 'u2', role: 'admin' }, request)).toBe(true);
    expect(mayCancelRequest({ id: 'u2', role: 'viewer', grants: { churn: 'admin' } }, request)).toBe(true);
    expect(mayCancelRequest({ id: 'u2', role: 'admin', modelScope: 'fraud' }, request)).toBe(false);
    // A requester who has since lost the right to request on the model cannot act on it any more.
    expect(mayCancelRequest({ id: 'u1', role: 'scientist', grants: { churn: 'viewer' } }, request)).toBe(false);
  });
});
