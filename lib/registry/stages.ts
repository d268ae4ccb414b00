import type { AuditAction } from './audit-events';
import { RegistryError } from './errors';
import type { Action } from './permissions';

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

/**
 * How a move happens:
 * - `move`: at once, by its own verb (lib/services/move-version.ts): a board button, MLflow's transition-stage, POST …/promote.
 * - `request`: through a promotion request and its approvals (request-production, decide-request, an admin's override).
 * - `rollback`: by a rollback to the last stable version (rollback-model).
 * - `replacement`: never asked for on its own: the Production version is archived when another one takes its place.
 */
export type TransitionPath = 'move' | 'request' | 'rollback' | 'replacement';

export interface Transition {
  from: Stage;
  to: Stage;
  kind: TransitionKind;
  path: TransitionPath;
  /** The permission it needs (lib/registry/permissions.ts); null when it only happens as part of another move. */
  permission: Action | null;
  /** The audit event it writes (for `replacement`, the event of the move that causes it). */
  audit: AuditAction;
  /** Whether the caller must give a reason (at least 3 characters). */
  reasonRequired: boolean;
  /** What the board's button says, for moves that have one. */
  label: string | null;
  /** Why this move exists, shown in docs and error messages. */
  meaning: string;
}

/**
 * Every stage move the registry knows, one row each: the service, the MLflow adapter and the board's buttons
 * read it. The database trigger `model_version_stage_transition` refuses anything outside the same set
 * (tests/integration/stage-transitions.int.test.ts checks every pair against it), so a bug elsewhere cannot
 * move a version the wrong way.
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'testing', to: 'staging', kind: 'promote', path: 'move', permission: 'version.promote', audit: 'version.promoted', reasonRequired: false, label: 'Promote to Staging', meaning: 'promote a tested version to Staging' },
  { from: 'testing', to: 'archived', kind: 'archive', path: 'move', permission: 'version.archive', audit: 'version.archived', reasonRequired: true, label: 'Archive', meaning: 'retire a version that will not go forward' },
  { from: 'staging', to: 'production', kind: 'request-production', path: 'request', permission: 'version.request-production', audit: 'version.deployed', reasonRequired: false, label: 'Request Production', meaning: 'only through an approved promotion request' },
  { from: 'staging', to: 'testing', kind: 'demote', path: 'move', permission: 'version.archive', audit: 'version.demoted', reasonRequired: true, label: 'Demote', meaning: 'send a Staging version back for more testing' },
  { from: 'staging', to: 'archived', kind: 'archive', path: 'move', permission: 'version.archive', audit: 'version.archived', reasonRequired: true, label: 'Archive', meaning: 'retire a version that will not go forward' },
  { from: 'production', to: 'archived', kind: 'archive', path: 'replacement', permission: null, audit: 'version.deployed', reasonRequired: false, label: null, meaning: 'replaced by a newer version or rolled back' },
  { from: 'archived', to: 'testing', kind: 'restore', path: 'move', permission: 'version.archive', audit: 'version.restored', reasonRequired: true, label: 'Restore', meaning: 'bring an archived version back for testing' },
  { from: 'archived', to: 'production', kind: 'rollback', path: 'rollback', permission: 'model.rollback', audit: 'model.rolled_back', reasonRequired: true, label: null, meaning: 'the last stable version returns on rollback' },
];

/** The moves that happen at once by their own verb (board buttons, MLflow, POST …/promote|demote|archive|restore). */
export const SIMPLE_MOVES = ['promote', 'demote', 'archive', 'restore'] as const satisfies readonly TransitionKind[];
export type SimpleMove = (typeof SIMPLE_MOVES)[number];

export function isSimpleMove(kind: TransitionKind): kind is SimpleMove {
  return (SIMPLE_MOVES as readonly TransitionKind[]).includes(kind);
}

/** The rows of one simple move (archive has two: from Testing and from Staging). */
function simpleRows(move: SimpleMove): Transition[] {
  return TRANSITIONS.filter((t) => t.kind === move && t.path === 'move');
}

/** What a simple move needs and writes: the same for each of its rows (a unit test holds the table to that). */
export function simpleMove(move: SimpleMove): { to: Stage; permission: Action; audit: AuditAction; reasonRequired: boolean } {
  const [row] = simpleRows(move);
  if (!row || row.permission === null) throw new Error(`no simple move ${move}`);
  return { to: row.to, permission: row.permission, audit: row.audit, reasonRequired: row.reasonRequired };
}

/** The moves out of a stage, in table order (the board shows them in this order). */
export function transitionsFrom(from: Stage): Transition[] {
  return TRANSITIONS.filter((t) => t.from === from);
}

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
