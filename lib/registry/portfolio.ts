// Portfolio bulk actions: the pure parts. The rules of each change are those of its one-item service
// (set-model-tag, move-version, update-policy, set-model-owner…), which the bulk path calls per item;
// what lives here is only what a bulk change adds: its size limit, what counts as "already so", how an
// item is named and described, and how a preview is held against what is there at apply time.
import { canAnywhere, canOn, type AccessSubject } from './access';
import { simpleMove } from './stages';
import type { Action } from './permissions';

/** The most items (models, or versions for an archive) one preview or operation may touch. */
export const MAX_PORTFOLIO_ITEMS = 200;

export const PORTFOLIO_ACTION_TYPES = ['add-tag', 'remove-tag', 'archive', 'apply-policy', 'change-owner'] as const;
export type PortfolioActionType = (typeof PORTFOLIO_ACTION_TYPES)[number];

/** What each bulk action needs on each model: the permission its one-item service checks. */
export const PORTFOLIO_PERMISSIONS: Record<PortfolioActionType, Action> = {
  'add-tag': 'version.edit',
  'remove-tag': 'version.edit',
  archive: simpleMove('archive').permission,
  'apply-policy': 'policies.manage',
  'change-owner': 'model.transfer',
};

/**
 * The bulk actions to offer someone: those they may do on at least one model (a policy is registry-wide).
 * Each item is still checked on its own model; this only keeps the menu to what can work somewhere.
 */
export function availablePortfolioActions(subject: AccessSubject): PortfolioActionType[] {
  return PORTFOLIO_ACTION_TYPES.filter((type) =>
    type === 'apply-policy' ? canOn(subject, PORTFOLIO_PERMISSIONS[type], 'global') : canAnywhere(subject, PORTFOLIO_PERMISSIONS[type]),
  );
}

export const PORTFOLIO_ACTION_LABELS: Record<PortfolioActionType, string> = {
  'add-tag': 'Add a tag',
  'remove-tag': 'Remove a tag',
  archive: 'Archive versions',
  'apply-policy': 'Apply a policy',
  'change-owner': 'Change owner',
};

/**
 * - `changed`: changed (in a preview: would change);
 * - `unchanged`: already so, nothing to do (and nothing audited);
 * - `refused`: the one-item service refused it, or it changed since the preview — `code` and `reason` say why;
 * - `pending`: not yet applied (an operation in progress).
 */
export type PortfolioOutcome = 'pending' | 'changed' | 'unchanged' | 'refused';

export interface PortfolioItemResult {
  /** "fraud" or "fraud/v3". */
  key: string;
  model: string;
  version: number | null;
  outcome: PortfolioOutcome;
  code: string | null;
  reason: string | null;
  before: string | null;
  after: string | null;
  /** The audit events its change writes (in a preview: would write), e.g. version.archived, promotion.cancelled. */
  events: string[];
}

export function portfolioItemKey(model: string, version: number | null): string {
  return version === null ? model : `${model}/v${version}`;
}

export type PortfolioCounts = Record<PortfolioOutcome, number>;

export function countOutcomes(items: readonly Pick<PortfolioItemResult, 'outcome'>[]): PortfolioCounts {
  const counts: PortfolioCounts = { pending: 0, changed: 0, unchanged: 0, refused: 0 };
  for (const item of items) counts[item.outcome] += 1;
  return counts;
}

/** A model's tags as one cell: "fraud, team=risk", or "(no tags)". */
export function tagsText(tags: readonly string[]): string {
  return tags.length === 0 ? '(no tags)' : tags.join(', ');
}

/** Whether setting `key=value` would leave a model's tags as they are (the exact tag is there already). */
export function modelTagPresent(tags: readonly string[], encoded: string): boolean {
  return tags.includes(encoded);
}

/** A model's tags with every tag of `key` removed (what deleteModelTag leaves). */
export function withoutTagKey(tags: readonly string[], key: string): string[] {
  return tags.filter((t) => (t.indexOf('=') < 0 ? t : t.slice(0, t.indexOf('='))) !== key);
}

/**
 * The state a preview showed against the state now: null when they agree or no preview was given,
 * else why the item is refused instead of applied blindly.
 */
export function staleSincePreview(expected: string | null, now: string): string | null {
  if (expected === null || expected === now) return null;
  return `Changed since the preview: it showed “${expected}”, it is now “${now}”. Preview again to see what would change.`;
}

/** JSON with object keys sorted, so two equal policies compare equal whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export const PORTFOLIO_CSV_HEADER = ['item', 'model', 'version', 'outcome', 'code', 'reason', 'before', 'after', 'audit_events'] as const;

/** The rows of a result file, header first (the caller quotes them and defuses formulas). */
export function portfolioCsvRows(items: readonly PortfolioItemResult[]): (string | number | null)[][] {
  return [[...PORTFOLIO_CSV_HEADER], ...items.map((i) => [i.key, i.model, i.version, i.outcome, i.code, i.reason, i.before, i.after, i.events.join(' ')])];
}
