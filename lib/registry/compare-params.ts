/*
 * The non-metric half of a comparison: what each version was built from. One row per field, hyperparameter
 * or input feature, with `differs` set when the versions do not all agree (a value missing on some counts
 * as a difference).
 */
import { formatValue } from './numbers';

export interface ParamSource {
  semver: string;
  framework: string | null;
  dataVersion: string;
  trainingDataSource: string | null;
  trainingDataHash: string | null;
  codeCommit: string | null;
  artifactDigest: string | null;
  hyperparameters: Record<string, unknown>;
  features: { name: string; type: string }[];
}

export type DiffSection = 'metadata' | 'hyperparameters' | 'features';

export interface DiffRow {
  section: DiffSection;
  key: string;
  /** One per version, in the order given; null where the version has no such value. */
  values: (string | null)[];
  differs: boolean;
}

export const DIFF_SECTION_LABELS: Record<DiffSection, string> = {
  metadata: 'Metadata',
  hyperparameters: 'Hyperparameters',
  features: 'Features (input schema)',
};

const METADATA: { key: string; pick: (v: ParamSource) => string | null }[] = [
  { key: 'semver', pick: (v) => v.semver },
  { key: 'framework', pick: (v) => v.framework },
  { key: 'data source', pick: (v) => v.trainingDataSource },
  { key: 'data version', pick: (v) => v.dataVersion },
  { key: 'data hash', pick: (v) => v.trainingDataHash },
  { key: 'code commit', pick: (v) => v.codeCommit },
  { key: 'artifact digest', pick: (v) => v.artifactDigest },
  { key: 'feature count', pick: (v) => String(v.features.length) },
];

/** A parameter as one line for the table: strings bare, numbers without float noise, the rest as compact JSON. */
export const formatParamValue = formatValue;

/** Compared as JSON, so 0.1 and "0.1" differ even though both read "0.1". */
function row(section: DiffSection, key: string, raw: unknown[]): DiffRow {
  const comparable = raw.map((v) => (v === undefined || v === null ? null : JSON.stringify(v)));
  return { section, key, values: raw.map(formatParamValue), differs: comparable.some((v) => v !== comparable[0]) };
}

function unionKeys(lists: string[][]): string[] {
  return [...new Set(lists.flat())].sort((a, b) => a.localeCompare(b));
}

export function diffParameters(versions: readonly ParamSource[]): DiffRow[] {
  const metadata = METADATA.map(({ key, pick }) => row('metadata', key, versions.map(pick)));
  const hyperparameters = unionKeys(versions.map((v) => Object.keys(v.hyperparameters))).map((key) =>
    row('hyperparameters', key, versions.map((v) => v.hyperparameters[key])),
  );
  const features = unionKeys(versions.map((v) => v.features.map((f) => f.name))).map((name) =>
    row('features', name, versions.map((v) => v.features.find((f) => f.name === name)?.type ?? null)),
  );
  return [...metadata, ...hyperparameters, ...features];
}
