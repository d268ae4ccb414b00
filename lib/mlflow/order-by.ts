import { MlflowError } from './errors';

// order_by for the two searches (mlflow/store/model_registry/sqlalchemy_store.py): "<key> [ASC|DESC]",
// ASC by default, with tie-breakers appended so that every ordering is total (which keyset pages need).

export type SortKey = 'name' | 'version_number' | 'creation_timestamp' | 'last_updated_timestamp';

export interface SortTerm {
  key: SortKey;
  ascending: boolean;
}

type Entity = 'registered_model' | 'model_version';

const KEYS: Record<Entity, Record<string, SortKey>> = {
  // "timestamp" is MLflow's older spelling of last_updated_timestamp.
  registered_model: { name: 'name', timestamp: 'last_updated_timestamp', last_updated_timestamp: 'last_updated_timestamp', creation_timestamp: 'creation_timestamp' },
  model_version: { name: 'name', version_number: 'version_number', creation_timestamp: 'creation_timestamp', last_updated_timestamp: 'last_updated_timestamp' },
};

const DEFAULTS: Record<Entity, SortTerm[]> = {
  registered_model: [],
  model_version: [{ key: 'last_updated_timestamp', ascending: false }],
};

const TIE_BREAKERS: Record<Entity, SortTerm[]> = {
  registered_model: [{ key: 'name', ascending: true }],
  model_version: [
    { key: 'name', ascending: true },
    { key: 'version_number', ascending: false },
  ],
};

const invalid = (message: string) => new MlflowError('INVALID_PARAMETER_VALUE', message);

/** Longer than any key and direction: refused before it is split (1 MB of "a " split into 500,000 parts). */
const MAX_CLAUSE_LENGTH = 200;

function parseTerm(clause: string, entity: Entity): SortTerm {
  if (clause.length > MAX_CLAUSE_LENGTH) throw invalid(`Invalid order_by clause '${clause.slice(0, 50)}…'. Could not be parsed.`);
  const parts = clause.trim().split(/\s+/);
  if (parts.length === 0 || parts.length > 2 || parts[0] === '') throw invalid(`Invalid order_by clause '${clause}'. Could not be parsed.`);
  const direction = parts[1]?.toLowerCase();
  if (direction !== undefined && direction !== 'asc' && direction !== 'desc') throw invalid(`Invalid ordering key in order_by clause '${clause}'.`);
  let name = parts[0]!.replace(/`/g, '');
  if (name.startsWith('attribute.')) name = name.slice('attribute.'.length);
  // Own keys only: "constructor" or "__proto__" would otherwise find Object.prototype's members.
  const key = Object.hasOwn(KEYS[entity], name) ? KEYS[entity][name] : undefined;
  if (!key) throw invalid(`Invalid order by key '${name}' specified. Valid keys are '${Object.keys(KEYS[entity]).join("', '")}'`);
  return { key, ascending: direction !== 'desc' };
}

/** The full ordering for a search: the caller's terms (or MLflow's default), then the tie-breakers. */
export function parseOrderBy(clauses: readonly string[] | undefined, entity: Entity): SortTerm[] {
  const terms = clauses && clauses.length > 0 ? clauses.map((c) => parseTerm(c, entity)) : DEFAULTS[entity];
  const seen = new Set<SortKey>();
  for (const term of terms) {
    if (seen.has(term.key)) throw invalid(`\`order_by\` contains duplicate fields: ${JSON.stringify(clauses)}`);
    seen.add(term.key);
  }
  return [...terms, ...TIE_BREAKERS[entity].filter((t) => !seen.has(t.key))];
}

export function orderSignature(terms: readonly SortTerm[]): string {
  return terms.map((t) => `${t.key}:${t.ascending ? 'asc' : 'desc'}`).join(',');
}
