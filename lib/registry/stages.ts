import { RegistryError } from './errors';

export const STAGES = ['testing', 'staging', 'production', 'archived'] as const;
export type Stage = (typeof STAGES)[number];

/** The columns of the board, left to right. Archived is shown collapsed below them. */
export const BOARD_STAGES = ['testing', 'staging', 'production'] as const satisfies readonly Stage[];

export const STAGE_LABELS: Record<Stage, string> = {
  testing: 'Testing',
  staging: 'Staging',
  production: 'Production',
  archived: 'Archived',
};

/** Stages a version may not be deleted or edited away from while it serves traffic (MLflow's "active stages"). */
export const ACTIVE_STAGES: readonly Stage[] = ['staging', 'production'];

export type TransitionKind = 'promote' | 'request-production' | 'archive' | 'demote' | 'restore' | 'rollback';

interface Transition {
  from: Stage;
  to: Stage;
  kind: TransitionKind;
  /** Why this move exists, shown in docs and error messages. */
  meaning: string;
}

/**
 * Every stage move the registry knows. The database trigger `model_version_stage_transition`
 * refuses anything outside the same set, so a bug here cannot move a version the wrong way.
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'testing', to: 'staging', kind: 'promote', meaning: 'promote a tested version to Staging' },
  { from: 'staging', to: 'production', kind: 'request-production', meaning: 'only through an approved promotion request' },
  { from: 'production', to: 'archived', kind: 'archive', meaning: 'replaced by a newer version or rolled back' },
  { from: 'testing', to: 'archived', kind: 'archive', meaning: 'retire a version that will not go forward' },
  { from: 'staging', to: 'archived', kind: 'archive', meaning: 'retire a version that will not go forward' },
  { from: 'staging', to: 'testing', kind: 'demote', meaning: 'send a Staging version back for more testing' },
  { from: 'archived', to: 'testing', kind: 'restore', meaning: 'bring an archived version back for testing' },
  { from: 'archived', to: 'production', kind: 'rollback', meaning: 'the last stable version returns on rollback' },
];

export function findTransition(from: Stage, to: Stage): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** Throws INVALID_TRANSITION unless `from → to` is in the table and is of the expected kind. */
export function assertTransition(from: Stage, to: Stage, kind: TransitionKind): Transition {
  const transition = findTransition(from, to);
  if (!transition) {
    throw new RegistryError(
      'INVALID_TRANSITION',
      `A version in ${STAGE_LABELS[from]} cannot move to ${STAGE_LABELS[to]}.`,
      { from, to, allowed: TRANSITIONS.filter((t) => t.from === from).map((t) => t.to) },
    );
  }
  if (transition.kind !== kind) {
    throw new RegistryError(
      'INVALID_TRANSITION',
      `${STAGE_LABELS[from]} → ${STAGE_LABELS[to]} happens by ${transition.kind.replace('-', ' ')}, not ${kind.replace('-', ' ')}.`,
      { from, to, expected: transition.kind },
    );
  }
  return transition;
}
