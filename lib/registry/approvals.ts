export interface DecisionRecord {
  approverId: string;
  decision: 'approve' | 'reject';
}

export type RequestOutcome =
  | { state: 'rejected'; by: string }
  | { state: 'approved'; approvals: number; required: number }
  | { state: 'pending'; approvals: number; required: number };

/**
 * Where a request stands: one rejection closes it; otherwise it is approved once `required` distinct
 * approvers other than the requester have approved. Duplicates and the requester's own votes never count.
 */
export function tallyDecisions(decisions: readonly DecisionRecord[], requesterId: string, required: number): RequestOutcome {
  const counted = decisions.filter((d) => d.approverId !== requesterId);
  const rejection = counted.find((d) => d.decision === 'reject');
  if (rejection) return { state: 'rejected', by: rejection.approverId };
  const approvals = new Set(counted.filter((d) => d.decision === 'approve').map((d) => d.approverId)).size;
  return approvals >= required ? { state: 'approved', approvals, required } : { state: 'pending', approvals, required };
}
