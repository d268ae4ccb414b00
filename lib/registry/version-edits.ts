import { RegistryError } from './errors';

// What may change about a registered version, and what may not. The database refuses an UPDATE of the
// immutable columns too (migration 20261201141700_release_desk); this list lets the API say why before it tries.

/** Documentation: editable after registration by anyone with `version.edit` on the model, every edit audited. */
export const EDITABLE_VERSION_FIELDS = ['description', 'modelCard', 'changelog', 'migrationNotes'] as const;
export type EditableVersionField = (typeof EDITABLE_VERSION_FIELDS)[number];

/** The record of what was built and measured: fixed at registration. */
export const IMMUTABLE_VERSION_FIELDS = [
  'number', 'semver', 'dataVersion', 'artifactUri', 'artifactDigest', 'framework', 'hyperparameters', 'features',
  'trainingDataHash', 'trainingDataSource', 'codeCommit', 'trainingDurationSec', 'trainingResources', 'environment',
  'modelSizeBytes', 'metrics', 'parents', 'createdBy', 'createdAt',
] as const;

export const EDITABLE_FIELD_LABELS: Record<EditableVersionField, string> = {
  description: 'Description',
  modelCard: 'Model card',
  changelog: 'Changelog',
  migrationNotes: 'Migration notes',
};

/** Upper bounds, the same as registration's. */
export const EDITABLE_FIELD_LIMITS: Record<EditableVersionField, number> = {
  description: 10_000,
  modelCard: 200_000,
  changelog: 50_000,
  migrationNotes: 50_000,
};

export type VersionEditInput = Partial<Record<EditableVersionField, string>>;
export interface FieldChange {
  field: EditableVersionField;
  before: string;
  after: string;
}

/**
 * Refuses an edit that names an immutable field (IMMUTABLE, with the fields) or a field the registry does not
 * know (INVALID_ARGUMENT), so `{"artifactDigest": …}` is told why rather than silently dropped.
 */
export function assertEditableKeys(keys: readonly string[]): void {
  const immutable = keys.filter((k) => (IMMUTABLE_VERSION_FIELDS as readonly string[]).includes(k));
  if (immutable.length > 0) {
    throw new RegistryError(
      'IMMUTABLE',
      `${immutable.join(', ')} ${immutable.length === 1 ? 'is' : 'are'} part of the registered record and cannot change; register a new version instead. Editable: ${EDITABLE_VERSION_FIELDS.join(', ')}.`,
      { fields: immutable, editable: EDITABLE_VERSION_FIELDS },
    );
  }
  const unknown = keys.filter((k) => !(EDITABLE_VERSION_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new RegistryError('INVALID_ARGUMENT', `Unknown field(s): ${unknown.join(', ')}. Editable: ${EDITABLE_VERSION_FIELDS.join(', ')}.`, { fields: unknown });
  }
}

/** The fields whose value the edit actually changes, in a stable order, each with its before and after. */
export function versionEdits(current: Record<EditableVersionField, string>, edit: VersionEditInput): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of EDITABLE_VERSION_FIELDS) {
    const after = edit[field];
    if (after === undefined) continue;
    if (after.length > EDITABLE_FIELD_LIMITS[field]) {
      throw new RegistryError('INVALID_ARGUMENT', `${EDITABLE_FIELD_LABELS[field]} is at most ${EDITABLE_FIELD_LIMITS[field]} characters.`, { field });
    }
    if (after !== current[field]) changes.push({ field, before: current[field], after });
  }
  return changes;
}
