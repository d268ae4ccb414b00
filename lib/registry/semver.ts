import { RegistryError } from './errors';

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
}

const SEMVER_PATTERN = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

export function parseSemver(text: string): SemVer {
  const match = SEMVER_PATTERN.exec(text.trim());
  if (!match) {
    throw new RegistryError('INVALID_ARGUMENT', `"${text}" is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0).`);
  }
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

export function formatSemver(v: SemVer): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

export function compareSemver(a: SemVer, b: SemVer): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export type BumpReason = 'first' | 'schema-change' | 'data-change' | 'patch';

export interface VersionFingerprint {
  semver: SemVer;
  dataVersion: string;
  /** Feature/input-schema signature, compared structurally. */
  features: unknown;
}

/**
 * The semver a version gets when it is registered without one: a changed feature set or input schema
 * breaks callers (MAJOR), new training data changes behaviour compatibly (MINOR), anything else is PATCH.
 */
export function nextSemver(
  latest: VersionFingerprint | null,
  candidate: { dataVersion: string; features: unknown },
): { semver: SemVer; reason: BumpReason } {
  if (!latest) return { semver: { major: 1, minor: 0, patch: 0 }, reason: 'first' };
  const { major, minor, patch } = latest.semver;
  if (!sameFeatures(latest.features, candidate.features)) {
    return { semver: { major: major + 1, minor: 0, patch: 0 }, reason: 'schema-change' };
  }
  if (latest.dataVersion !== candidate.dataVersion) {
    return { semver: { major, minor: minor + 1, patch: 0 }, reason: 'data-change' };
  }
  return { semver: { major, minor, patch: patch + 1 }, reason: 'patch' };
}

/** Feature lists are compared as sets of canonical JSON, so order of declaration does not matter. */
export function sameFeatures(a: unknown, b: unknown): boolean {
  return canonicalFeatureSet(a) === canonicalFeatureSet(b);
}

function canonicalFeatureSet(features: unknown): string {
  const items = Array.isArray(features) ? features : [features];
  return items.map(canonicalJson).sort().join('\n');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * An explicit semver must move forward: above every version registered so far, or — a hotfix — a higher
 * patch on a MAJOR.MINOR line that already exists (2.4.4 after 2.4.3, while 3.0.5 is the latest). A line
 * that was never released cannot be started below the latest (no 2.5.0 after 3.0.0, no 0.0.1 after 3.0.5):
 * consumers read a lower number as older, and a registry that lets history be invented loses that meaning.
 */
export function assertSemverMovesForward(candidate: SemVer, latest: SemVer | null, linePatch: number | null): void {
  if (!latest || compareSemver(candidate, latest) > 0) return;
  if (linePatch !== null && candidate.patch > linePatch) return;
  const line = `${candidate.major}.${candidate.minor}`;
  throw new RegistryError(
    'INVALID_ARGUMENT',
    linePatch === null
      ? `${formatSemver(candidate)} is below the latest version ${formatSemver(latest)}, and no ${line}.x version exists to patch. Use a version above ${formatSemver(latest)}, or leave semver out to get the next one.`
      : `${formatSemver(candidate)} is below the latest version ${formatSemver(latest)}; a patch on the ${line} line must be above ${line}.${linePatch}.`,
    { latest: formatSemver(latest), linePatch },
  );
}
