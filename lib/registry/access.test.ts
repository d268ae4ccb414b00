import { describe, expect, it } from 'vitest';
import { canAnywhere, lowerRole, roleOn } from './access';

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

describe('lowerRole', () => {
  it('picks the less powerful role', () => {
    expect(lowerRole('admin', 'scientist')).toBe('scientist');
    expect(lowerRole('viewer', 'approver')).toBe('viewer');
  });
});
