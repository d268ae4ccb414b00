import type { RetentionRule } from './policy';
import { STAGE_LABELS, type Stage } from './stages';

// Which versions a model's retention rule archives, and why it keeps the others. Pure: the service loads
// the versions under the model's lock and archives what this returns; the preview shows the same answer.

const DAY_MS = 24 * 60 * 60 * 1000;

/** One version as the rule sees it (archived versions are not passed: there is nothing left to do). */
export interface RetentionCandidate {
  number: number;
  semver: string;
  stage: Stage;
  /** When it last entered its stage: for a Testing version its registration, or a later restore or demotion. */
  enteredStageAt: Date;
  /** It has a Production period: it served Production once, so it stays a possible rollback target. */
  servedProduction: boolean;
  /** A pending Production or canary request names it. */
  pendingRequest: boolean;
  /** Aliases pointing at it (a pipeline or a serving system may load it by that name). */
  aliases: readonly string[];
}

/** Why a version stays, strongest first: a version kept for several reasons shows the first. */
export const KEEP_REASONS = ['pending-request', 'stage', 'served-production', 'alias', 'newest', 'recent'] as const;
export type KeepReason = (typeof KEEP_REASONS)[number];

export interface RetentionArchive {
  number: number;
  semver: string;
  ageDays: number;
  /** What the rule says about it: "older than 30 days (45 days in Testing)". */
  reason: string;
}

export interface RetentionKeep {
  number: number;
  semver: string;
  stage: Stage;
  reason: KeepReason;
  /** The reason as a sentence fragment: "named by a pending request". */
  detail: string;
}

export interface RetentionDecision {
  /** Oldest first (lowest number first), the order the pass archives them in. */
  archive: RetentionArchive[];
  /** Newest first. */
  kept: RetentionKeep[];
}

/** Whole days since `from` (rounded down). */
export function ageInDays(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / DAY_MS));
}

/** The rule in words, after "Archives Testing versions": "after 30 days in Testing, keeping the newest 5". */
export function describeRetentionRule(rule: RetentionRule): string {
  const days = rule.archiveTestingOlderThanDays;
  const keep = rule.keepNewestTesting;
  if (days !== undefined && keep !== undefined) return `after ${plural(days, 'day')} in Testing, keeping the newest ${keep}`;
  if (days !== undefined) return `after ${plural(days, 'day')} in Testing`;
  return `beyond the newest ${plural(keep ?? 0, 'Testing version')}`;
}

/**
 * What `rule` does today. A Testing version is archived when it is beyond the newest `keepNewestTesting`
 * Testing versions (by registration order: the version number) and, if a number of days is set, has been
 * in Testing for more than that many days. Never archived: anything outside Testing, anything that ever
 * served Production, and versions a pending request or an alias names — they still count towards the
 * newest K, which counts every Testing version.
 */
export function applyRetention(versions: readonly RetentionCandidate[], rule: RetentionRule, now: Date): RetentionDecision {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  const testingRank = new Map(newestFirst.filter((v) => v.stage === 'testing').map((v, i) => [v.number, i]));
  const archive: RetentionArchive[] = [];
  const kept: RetentionKeep[] = [];
  for (const version of newestFirst) {
    const keep = keepReason(version, rule, testingRank.get(version.number) ?? 0, now);
    if (keep) kept.push({ number: version.number, semver: version.semver, stage: version.stage, ...keep });
    else archive.push({ number: version.number, semver: version.semver, ageDays: ageInDays(version.enteredStageAt, now), reason: archiveReason(version, rule, now) });
  }
  return { archive: archive.reverse(), kept };
}

function keepReason(version: RetentionCandidate, rule: RetentionRule, rank: number, now: Date): { reason: KeepReason; detail: string } | null {
  // A pending request first: it is why a Staging version matters today (requests name Staging versions).
  if (version.pendingRequest) return { reason: 'pending-request', detail: 'named by a pending request' };
  if (version.stage !== 'testing') return { reason: 'stage', detail: `in ${STAGE_LABELS[version.stage]}: retention archives Testing versions only` };
  if (version.servedProduction) return { reason: 'served-production', detail: 'served Production once: kept as a possible rollback target' };
  if (version.aliases.length > 0) return { reason: 'alias', detail: `the alias${version.aliases.length === 1 ? '' : 'es'} ${version.aliases.map((a) => `@${a}`).join(', ')} point${version.aliases.length === 1 ? 's' : ''} at it` };
  if (rule.keepNewestTesting !== undefined && rank < rule.keepNewestTesting) {
    return { reason: 'newest', detail: `one of the newest ${plural(rule.keepNewestTesting, 'Testing version')}` };
  }
  const days = rule.archiveTestingOlderThanDays;
  if (days !== undefined && now.getTime() - version.enteredStageAt.getTime() <= days * DAY_MS) {
    return { reason: 'recent', detail: `${plural(ageInDays(version.enteredStageAt, now), 'day')} in Testing, not more than ${plural(days, 'day')}` };
  }
  return null;
}

function archiveReason(version: RetentionCandidate, rule: RetentionRule, now: Date): string {
  const parts: string[] = [];
  if (rule.archiveTestingOlderThanDays !== undefined) parts.push(`older than ${plural(rule.archiveTestingOlderThanDays, 'day')} (${plural(ageInDays(version.enteredStageAt, now), 'day')} in Testing)`);
  if (rule.keepNewestTesting !== undefined) parts.push(`beyond the newest ${plural(rule.keepNewestTesting, 'Testing version')}`);
  return parts.join(', ');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
