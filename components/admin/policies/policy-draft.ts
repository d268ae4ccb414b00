import type { z } from 'zod';
import { ZPolicy, type Gate, type Policy, type PolicyStage } from '@/lib/registry';

// The policy editor's working copy: the same gates, each with a key so React keeps an edited gate's
// inputs with it when a gate above it is removed. Validation is the server's own schema.

export type DraftGate = Gate & { key: string };
export type DraftPolicy = Record<PolicyStage, DraftGate[]> & {
  /** The parts of the policy this editor does not edit, sent back as they were. */
  other: Omit<Policy, 'staging' | 'production'>;
};
export type GateKind = Gate['kind'];

export const STAGES: { stage: PolicyStage; label: string }[] = [
  { stage: 'staging', label: 'Staging' },
  { stage: 'production', label: 'Production' },
];

export const GATE_KINDS: { kind: GateKind; label: string; description: string }[] = [
  { kind: 'metric-threshold', label: 'Metric threshold', description: 'A metric must be at least or at most a value.' },
  { kind: 'no-regression', label: 'No regression', description: 'Metrics may not fall further below Production than the tolerance.' },
  { kind: 'required-metadata', label: 'Required metadata', description: 'Provenance the version must carry.' },
  { kind: 'model-size', label: 'Model size', description: 'The artifact must be at most this large (binary size within limits).' },
  { kind: 'model-card-complete', label: 'Model card complete', description: 'Sections the model card must fill in.' },
  { kind: 'approvals', label: 'Approvals', description: 'Approvers who must approve the request: never the requester, nor the author unless allowed below.' },
];

export const gateKindLabel = (kind: GateKind) => GATE_KINDS.find((k) => k.kind === kind)?.label ?? kind;

let counter = 0;
const nextKey = () => `gate-${++counter}`;

export function toDraft(policy: Policy): DraftPolicy {
  const { staging, production, ...other } = policy;
  return { staging: staging.map((g) => ({ ...g, key: nextKey() })), production: production.map((g) => ({ ...g, key: nextKey() })), other };
}

/** The draft as a policy (keys dropped), for comparing with the saved one. */
export function stripKeys(draft: DraftPolicy): Policy {
  const strip = (gates: DraftGate[]) => gates.map(withoutKey);
  return { ...draft.other, staging: strip(draft.staging), production: strip(draft.production) };
}

function withoutKey({ key, ...gate }: DraftGate): Gate {
  void key;
  return gate as Gate;
}

/** Whether two policies say the same, whatever the order of keys inside each gate. */
export function samePolicy(a: Policy, b: Policy): boolean {
  const canonical = (policy: Policy) =>
    JSON.stringify(policy, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y))) : value,
    );
  return canonical(a) === canonical(b);
}

export function newGate(kind: GateKind): DraftGate {
  const key = nextKey();
  switch (kind) {
    case 'metric-threshold':
      return { key, kind, metric: '', op: '>=', value: 0 };
    case 'no-regression':
      return { key, kind, metrics: [], tolerance: 0.05, perSlice: false };
    case 'required-metadata':
      return { key, kind, fields: ['artifactDigest'] };
    case 'model-size':
      return { key, kind, maxBytes: 500_000_000 };
    case 'model-card-complete':
      return { key, kind, sections: ['Intended use', 'Limitations'] };
    case 'approvals':
      return { key, kind, count: 1 };
  }
}

/** Approvals are counted on the Production request only, and once. */
export function kindsAllowed(stage: PolicyStage, gates: readonly DraftGate[]): GateKind[] {
  return GATE_KINDS.map((k) => k.kind).filter((kind) => kind !== 'approvals' || (stage === 'production' && !gates.some((g) => g.kind === 'approvals')));
}

export type DraftErrors = Record<string, string>;

/** "production.2.value": where an error belongs in the editor. */
export const errorKey = (stage: PolicyStage, index: number, field: string) => `${stage}.${index}.${field}`;

/** The server's schema applied to the draft: the policy to send, or the errors by field. */
export function validateDraft(draft: DraftPolicy): { policy: Policy; errors: null } | { policy: null; errors: DraftErrors } {
  const parsed = ZPolicy.safeParse(stripKeys(draft));
  if (parsed.success) return { policy: parsed.data, errors: null };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const [stage, index, field] = issue.path;
    if (stage === 'retention') {
      // The rule's own messages already speak to admins ("At least 1 day.").
      errors[typeof index === 'string' ? `retention.${index}` : 'retention'] ??= issue.message;
      continue;
    }
    if (stage === 'protectedAliases') {
      errors.protectedAliases ??= typeof index === 'number' ? `Alias ${index + 1}: ${friendly(issue)}` : friendly(issue);
      continue;
    }
    const key = typeof index === 'number' ? errorKey(stage as PolicyStage, index, String(field ?? 'kind')) : String(stage ?? 'policy');
    errors[key] ??= friendly(issue);
  }
  return { policy: null, errors };
}

type Issue = z.core.$ZodIssue;

/** Zod's messages speak to developers ("expected string to have >=1 characters"); these to admins. */
function friendly(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'Enter a whole number.' : issue.expected === 'number' ? 'Enter a number.' : issue.message;
    case 'too_small':
      if (issue.origin === 'string') return 'Required.';
      if (issue.origin === 'array') return 'Give at least one.';
      return `At least ${String(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string') return `At most ${String(issue.maximum)} characters.`;
      if (issue.origin === 'array') return `At most ${String(issue.maximum)}.`;
      return `At most ${String(issue.maximum)}.`;
    default:
      return issue.message;
  }
}
