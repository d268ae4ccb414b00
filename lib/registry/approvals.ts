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
 * approvers have approved. Votes by anyone in `excluded` (the requester, and the author unless the policy
 * lets authors approve — see `excludedDeciders`) never count, so a vote cast before the policy changed
 * does not count after it either. Duplicates never count.
 */
export function tallyDecisions(decisions: readonly DecisionRecord[], excluded: string | readonly string[], required: number): RequestOutcome {
  const notCounted = new Set(typeof excluded === 'string' ? [excluded] : excluded);
  const counted = decisions.filter((d) => !notCounted.has(d.approverId));
  const rejection = counted.find((d) => d.decision === 'reject');
  if (rejection) return { state: 'rejected', by: rejection.approverId };
  const approvals = new Set(counted.filter((d) => d.decision === 'approve').map((d) => d.approverId)).size;
  return approvals >= required ? { state: 'approved', approvals, required } : { state: 'pending', approvals, required };
}

/**
 * Who stands behind a request, for the four-eyes rule. Each list holds the user who acted and, when they
 * acted with a service account's token, the person who created that token: a pipeline's credential does
 * not turn its creator into a second pair of eyes.
 */
export interface SeparationFacts {
  requesterIds: readonly string[];
  authorIds: readonly string[];
  /** The model's policy lets a version's author approve its promotion (default: no). */
  authorMayApprove: boolean;
}

export interface Decider {
  id: string;
  kind: 'person' | 'service';
  /** Acting through a token that someone other than its owner created (only tokens from before owners were enforced). */
  viaForeignToken?: boolean;
}

/** The people whose votes on this request do not count. */
export function excludedDeciders(facts: SeparationFacts): string[] {
  return [...new Set([...facts.requesterIds, ...(facts.authorMayApprove ? [] : facts.authorIds)])];
}

/**
 * Why `decider` may not approve or reject this request, or null when they may. The same rule feeds the
 * Approve buttons and the decide-request service.
 */
export function decisionDenial(decider: Decider, facts: SeparationFacts): string | null {
  if (decider.kind === 'service') return 'Service accounts never decide promotion requests — a person must';
  if (decider.viaForeignToken) return 'This token was created by someone other than its owner; decide with your own sign-in or token';
  if (facts.requesterIds.includes(decider.id)) return 'You requested this — another approver must decide';
  if (!facts.authorMayApprove && facts.authorIds.includes(decider.id)) return 'You registered this version — its policy needs an approver other than the author';
  return null;
}
