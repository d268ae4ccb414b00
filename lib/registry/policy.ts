import { z } from 'zod';
import { ZAliasName } from './serving';

// A model's promotion policy: per target stage, the gates a version must pass.
// Zod here is a pure schema library: the same shapes validate the admin editor and the stored JSON.

export const METADATA_FIELDS = ['artifactDigest', 'trainingDataHash', 'codeCommit'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export const DEFAULT_CARD_SECTIONS = ['Intended use', 'Limitations', 'Evaluation data', 'Ethical considerations'];

/**
 * A gate is blocking unless marked advisory. An advisory gate is evaluated and its verdict shown on the
 * board, in the request and in the audit, but it never stops a move. Absent means blocking, so stored
 * policies and gate snapshots from before the flag keep their meaning.
 */
const advisory = z.boolean().optional();

export const ZGate = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('metric-threshold'),
    advisory,
    metric: z.string().min(1).max(100),
    op: z.enum(['>=', '<=']),
    value: z.number().finite(),
    evaluationSet: z.string().max(100).optional(),
  }),
  z.object({
    kind: z.literal('no-regression'),
    advisory,
    /** Metrics to compare; empty means the model's primary metric. */
    metrics: z.array(z.string().min(1).max(100)).max(50).default([]),
    /** Allowed relative loss vs the Production baseline: 0.05 means candidate ≥ 0.95 × baseline. */
    tolerance: z.number().min(0).max(1).default(0.05),
    perSlice: z.boolean().default(false),
  }),
  z.object({ kind: z.literal('required-metadata'), advisory, fields: z.array(z.enum(METADATA_FIELDS)).min(1) }),
  z.object({
    kind: z.literal('model-size'),
    advisory,
    /** The largest artifact allowed, in bytes (the editor speaks MB): "binary size within limits". */
    maxBytes: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  }),
  z.object({ kind: z.literal('model-card-complete'), advisory, sections: z.array(z.string().min(1).max(100)).min(1).default(DEFAULT_CARD_SECTIONS) }),
  z.object({
    kind: z.literal('approvals'),
    // Approvals are the decision itself, not a check beside it: "advisory approvals" would be none. Use count 0.
    advisory: z.literal(false, { error: 'Approvals cannot be advisory; require 0 approvals instead.' }).optional(),
    count: z.number().int().min(0).max(10),
  }),
]);
export type Gate = z.infer<typeof ZGate>;

/** When serving systems' health reports roll Production back on their own. */
export const ZHealthPolicy = z.object({
  /** This many unhealthy reports in a row for the Production version… */
  consecutiveUnhealthy: z.number().int().min(1).max(100).default(3),
  /** …all within this many minutes, trigger an automatic rollback. */
  windowMinutes: z.number().int().min(1).max(24 * 60).default(15),
  /** Metric samples outside these bounds count as unhealthy, e.g. { metric: 'error_rate', op: '<=', value: 0.02 }. */
  thresholds: z.array(z.object({ metric: z.string().min(1).max(100), op: z.enum(['>=', '<=']), value: z.number().finite() })).max(20).default([]),
});
export type HealthPolicy = z.infer<typeof ZHealthPolicy>;

/**
 * When Testing versions are archived on their own (lib/registry/retention.ts): those in Testing longer than
 * `archiveTestingOlderThanDays`, and/or all but the newest `keepNewestTesting`. With both, a version goes
 * only when it is old *and* beyond the newest K (K is a floor). Staging, Production, anything that ever
 * served Production, a version a pending request or an alias names: never.
 */
export const ZRetentionRule = z
  .object({
    archiveTestingOlderThanDays: z.number({ error: 'Enter a whole number of days.' }).int('Enter a whole number of days.').min(1, 'At least 1 day.').max(3650, 'At most 3650 days (ten years).').optional(),
    keepNewestTesting: z.number({ error: 'Enter a whole number of versions.' }).int('Enter a whole number of versions.').min(0, 'At least 0.').max(1000, 'At most 1000 versions.').optional(),
  })
  .refine((r) => r.archiveTestingOlderThanDays !== undefined || r.keepNewestTesting !== undefined, {
    message: 'A retention rule needs a number of days, a number of newest Testing versions to keep, or both.',
  });
export type RetentionRule = z.infer<typeof ZRetentionRule>;

export const ZPolicy = z.object({
  staging: z.array(ZGate).max(50).default([]),
  production: z.array(ZGate).max(50).default([]),
  health: ZHealthPolicy.optional(),
  /**
   * Aliases that serve traffic (`models:/fraud@champion`): they may point only at the Production version
   * or an approved canary, and only approvers move them. Absent: champion (see protectedAliasesOf).
   */
  protectedAliases: z.array(ZAliasName).max(20, 'At most 20 protected aliases.').optional(),
  /**
   * Whether the person who registered a version may approve its promotion. Off when absent: four eyes
   * means someone other than the author and the requester.
   */
  authorMayApprove: z.boolean().optional(),
  /**
   * Which Testing versions a scheduled pass archives. Absent: no rule (and a save without it keeps the saved
   * one, like `health`); null in a save removes the rule.
   */
  retention: ZRetentionRule.nullable().optional(),
  /** E-mail reminders to the approvers of a request that waits too long. Absent: no reminders. */
  notifications: z
    .object({
      /** Remind the approvers when a request has waited this many hours, and again after each further such period. */
      remindAfterHours: z.number().int('Whole hours, please.').min(1, 'At least 1 hour.').max(24 * 30, 'At most 720 hours (30 days).'),
    })
    .strict()
    .optional(),
});
export type Policy = z.infer<typeof ZPolicy>;
export type PolicyStage = 'staging' | 'production';

/**
 * What every model gets until an admin edits it: strict where it matters, at Production. The Staging
 * digest gate is advisory, so a team that only has MLflow (which has no digest field) reaches Staging
 * with the gap shown and recorded; Production still requires the digest and everything else.
 */
export const DEFAULT_POLICY: Policy = {
  staging: [{ kind: 'required-metadata', fields: ['artifactDigest'], advisory: true }],
  production: [
    { kind: 'required-metadata', fields: ['artifactDigest', 'trainingDataHash', 'codeCommit'] },
    { kind: 'no-regression', metrics: [], tolerance: 0.05, perSlice: true },
    { kind: 'model-card-complete', sections: DEFAULT_CARD_SECTIONS },
    { kind: 'approvals', count: 1 },
  ],
};

/** The policy's automatic-rollback rule, or the default one (3 unhealthy reports in a row within 15 minutes). */
export function healthPolicyOf(policy: Policy): HealthPolicy {
  return ZHealthPolicy.parse(policy.health ?? {});
}

/** The policy's retention rule, or null when it has none. */
export function retentionRuleOf(policy: Policy): RetentionRule | null {
  return policy.retention ?? null;
}

/** Reads a stored policy, falling back to the default for a missing or unreadable one. */
export function parsePolicy(stored: unknown): Policy {
  const parsed = ZPolicy.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_POLICY;
}

export function requiredApprovals(gates: readonly Gate[]): number {
  return gates.reduce((n, g) => (g.kind === 'approvals' ? Math.max(n, g.count) : n), 0);
}

/**
 * The policy a save leaves: the gate editor (and a bulk policy copy) does not carry the health rule, the
 * protected aliases or the retention rule, so the saved ones stay unless the new policy gives its own.
 */
export function withKeptSettings(before: Policy, next: Policy): Policy {
  const merged: Policy = { ...next };
  if (!merged.health && before.health) merged.health = before.health;
  if (!merged.protectedAliases && before.protectedAliases) merged.protectedAliases = before.protectedAliases;
  // Retention likewise: absent keeps the saved rule, null removes it (and is not stored).
  if (merged.retention === undefined && before.retention) merged.retention = before.retention;
  if (merged.retention === null) delete merged.retention;
  return merged;
}

/** One line for a policy, for previews and result files: "Staging: 1 gate · Production: 2 gates, 1 approval". */
export function policySummary(policy: Policy): string {
  const gates = (n: number) => `${n} ${n === 1 ? 'gate' : 'gates'}`;
  const approvals = requiredApprovals(policy.production);
  return `Staging: ${gates(policy.staging.length)} · Production: ${gates(policy.production.length)}, ${approvals} ${approvals === 1 ? 'approval' : 'approvals'}`;
}
