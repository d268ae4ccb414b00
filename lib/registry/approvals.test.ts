import { describe, expect, it } from 'vitest';
import { decisionDenial, excludedDeciders, tallyDecisions } from './approvals';
import { DEFAULT_POLICY, parsePolicy, requiredApprovals } from './policy';

describe('tallyDecisions', () => {
  it('approves when enough distinct approvers agree', () => {
    expect(tallyDecisions([{ approverId: 'a', decision: 'approve' }], 'req', 1)).toEqual({ state: 'approved', approvals: 1, required: 1 });
  });

  it('never counts the requester', () => {
    expect(tallyDecisions([{ approverId: 'req', decision: 'approve' }], 'req', 1)).toEqual({ state: 'pending', approvals: 0, required: 1 });
    expect(tallyDecisions([{ approverId: 'req', decision: 'reject' }], 'req', 1).state).toBe('pending');
  });

  it('ignores duplicate approvals by one person', () => {
    const twice = [{ approverId: 'a', decision: 'approve' as const }, { approverId: 'a', decision: 'approve' as const }];
    expect(tallyDecisions(twice, 'req', 2)).toEqual({ state: 'pending', approvals: 1, required: 2 });
  });

  it('closes on one rejection, whatever the approvals', () => {
    const decisions = [
      { approverId: 'a', decision: 'approve' as const },
      { approverId: 'b', decision: 'reject' as const },
      { approverId: 'c', decision: 'approve' as const },
    ];
    expect(tallyDecisions(decisions, 'req', 2)).toEqual({ state: 'rejected', by: 'b' });
  });

  it('is approved at once when no approval is required', () => {
    expect(tallyDecisions([], 'req', 0).state).toBe('approved');
  });
});

describe('policy', () => {
  it('defaults to 1 approval for Production and 0 for Staging', () => {
    expect(requiredApprovals(DEFAULT_POLICY.production)).toBe(1);
    expect(requiredApprovals(DEFAULT_POLICY.staging)).toBe(0);
  });

  it('falls back to the default for unreadable stored policies and keeps valid ones', () => {
    expect(parsePolicy({ staging: [{ kind: 'bogus' }] })).toEqual(DEFAULT_POLICY);
    expect(parsePolicy({ staging: [], production: [{ kind: 'approvals', count: 2 }] }).production).toEqual([{ kind: 'approvals', count: 2 }]);
  });
});

describe('four eyes', () => {
  const facts = { requesterIds: ['req', 'req-token-creator'], authorIds: ['author'], authorMayApprove: false };
  const person = (id: string) => ({ id, kind: 'person' as const });

  it('refuses the requester, whoever created the service-account token they requested with, and the author', () => {
    expect(decisionDenial(person('req'), facts)).toMatch(/requested/);
    expect(decisionDenial(person('req-token-creator'), facts)).toMatch(/requested/);
    expect(decisionDenial(person('author'), facts)).toMatch(/registered/);
    expect(decisionDenial(person('other'), facts)).toBeNull();
  });

  it('lets the author decide only when the policy says so', () => {
    expect(decisionDenial(person('author'), { ...facts, authorMayApprove: true })).toBeNull();
    expect(excludedDeciders(facts)).toEqual(['req', 'req-token-creator', 'author']);
    expect(excludedDeciders({ ...facts, authorMayApprove: true })).toEqual(['req', 'req-token-creator']);
  });

  it('never lets a service account or a token minted in someone else\'s name decide', () => {
    expect(decisionDenial({ id: 'bot', kind: 'service' }, facts)).toMatch(/Service accounts/);
    expect(decisionDenial({ id: 'other', kind: 'person', viaForeignToken: true }, facts)).toMatch(/someone other/);
  });

  it('does not count an excluded person\'s earlier vote', () => {
    expect(tallyDecisions([{ approverId: 'author', decision: 'approve' }], excludedDeciders(facts), 1).state).toBe('pending');
  });
});
