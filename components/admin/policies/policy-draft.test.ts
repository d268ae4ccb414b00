import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/registry';
import { errorKey, kindsAllowed, newGate, samePolicy, stripKeys, toDraft, validateDraft } from './policy-draft';

describe('policy draft', () => {
  it('round-trips a policy through the editor unchanged', () => {
    expect(stripKeys(toDraft(DEFAULT_POLICY))).toEqual(DEFAULT_POLICY);
  });

  it('places schema errors at the gate field they belong to', () => {
    const draft = toDraft({ staging: [], production: [] });
    draft.production.push(newGate('metric-threshold'), { ...newGate('no-regression'), tolerance: 2 } as never);
    draft.production[0] = { ...draft.production[0]!, value: Number.NaN } as never;
    const result = validateDraft(draft);
    expect(result.policy).toBeNull();
    expect(result.errors).toMatchObject({
      [errorKey('production', 0, 'metric')]: 'Required.',
      [errorKey('production', 0, 'value')]: 'Enter a number.',
      [errorKey('production', 1, 'tolerance')]: 'At most 1.',
    });
  });

  it('carries the protected aliases, and reports a bad one under its own field', () => {
    const draft = toDraft({ staging: [], production: [], protectedAliases: ['champion', 'challenger'] });
    expect(stripKeys(draft).protectedAliases).toEqual(['champion', 'challenger']);
    draft.other = { ...draft.other, protectedAliases: ['champion', 'latest'] };
    expect(validateDraft(draft).errors).toEqual({ protectedAliases: expect.stringContaining('Alias 2') });
  });

  it('returns the policy without editor keys when valid', () => {
    const draft = toDraft({ staging: [], production: [] });
    draft.staging.push({ ...newGate('metric-threshold'), metric: 'auc', value: 0.8 } as never);
    expect(validateDraft(draft)).toEqual({ policy: { staging: [{ kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.8 }], production: [] }, errors: null });
  });

  it('offers an approvals gate only for Production, and only one', () => {
    expect(kindsAllowed('staging', [])).not.toContain('approvals');
    expect(kindsAllowed('production', [])).toContain('approvals');
    expect(kindsAllowed('production', [newGate('approvals')])).not.toContain('approvals');
  });
});

describe('samePolicy', () => {
  it('ignores key order inside gates', () => {
    expect(samePolicy({ staging: [{ value: 1, op: '>=', metric: 'auc', kind: 'metric-threshold' } as never], production: [] }, { staging: [{ kind: 'metric-threshold', metric: 'auc', op: '>=', value: 1 }], production: [] })).toBe(true);
    expect(samePolicy(DEFAULT_POLICY, { ...DEFAULT_POLICY, staging: [] })).toBe(false);
  });
});

describe('parts the editor does not edit', () => {
  it('are sent back unchanged with the edited gates', () => {
    const stored = { ...DEFAULT_POLICY, extra: { kept: true } } as never;
    const draft = toDraft(stored);
    draft.staging = [];
    expect(stripKeys(draft)).toEqual({ ...DEFAULT_POLICY, staging: [], extra: { kept: true } });
  });
});
