import { Prisma } from '@/lib/generated/prisma/client';
import type { Clause, Comparator } from '../filter';
import type { SortKey, SortTerm } from '../order-by';
import type { CursorValue } from '../page-token';
import { RUN_ID_TAG } from '../tags';

// Filter clauses and keyset positions as parameterised SQL. Only the fixed expressions below are
// spliced in raw; every value a client sends is a bound parameter.

const OPERATORS: Record<Exclude<Comparator, 'IN'>, string> = { '=': '=', '!=': '<>', '>': '>', '>=': '>=', '<': '<', '<=': '<=', LIKE: 'LIKE', ILIKE: 'ILIKE' };

/** Milliseconds since the epoch, the unit of MLflow's timestamps (columns hold millisecond precision). */
const ms = (column: string) => Prisma.raw(`(extract(epoch from ${column}) * 1000)::bigint`);


/** Names sort by code point (as MLflow's Python-side sorts do), whatever the database's collation. */
const NAME = Prisma.raw('m."name" COLLATE "C"');

export const MODEL_SORT_SQL: Record<SortKey, Prisma.Sql> = {
  name: NAME,
  version_number: NAME, // not a model key: order-by parsing never yields it for models
  creation_timestamp: ms('m."created_at"'),
  last_updated_timestamp: ms('m."last_activity_at"'),
};

export const VERSION_SORT_SQL: Record<SortKey, Prisma.Sql> = {
  name: NAME,
  version_number: Prisma.raw('v."number"'),
  creation_timestamp: ms('v."created_at"'),
  last_updated_timestamp: ms('v."stage_changed_at"'),
};

export function compare(expression: Prisma.Sql, clause: Clause): Prisma.Sql {
  if (clause.comparator === 'IN') return Prisma.sql`${expression} IN (${Prisma.join(clause.value as string[])})`;
  return Prisma.sql`${expression} ${Prisma.raw(OPERATORS[clause.comparator])} ${clause.value as string | number}`;
}

/** A model's "key=value" tag strings, split back into key and value. */
const MODEL_TAG_KEY = Prisma.raw(`split_part(t."tag", '=', 1)`);
const MODEL_TAG_VALUE = Prisma.raw(`(CASE WHEN strpos(t."tag", '=') > 0 THEN substr(t."tag", strpos(t."tag", '=') + 1) ELSE '' END)`);

/**
 * MLflow keeps prompts in the model registry, marked by this tag, and its 3.x clients append
 * "tag.`mlflow.prompt.is_prompt` != 'true'" to every search. As in MLflow, a missing tag reads as
 * 'false' for that key, and searches that do not mention it leave prompts out.
 */
export const PROMPT_TAG = 'mlflow.prompt.is_prompt';

const mentionsPrompt = (clauses: readonly Clause[]) => clauses.some((c) => c.type === 'tag' && c.key === PROMPT_TAG);

export function modelClause(clause: Clause): Prisma.Sql {
  if (clause.type === 'attribute') return compare(Prisma.raw('m."name"'), clause);
  if (clause.key === PROMPT_TAG) {
    const value = Prisma.sql`COALESCE((SELECT ${MODEL_TAG_VALUE} FROM unnest(m."tags") AS t("tag") WHERE ${MODEL_TAG_KEY} = ${PROMPT_TAG} LIMIT 1), 'false')`;
    return compare(value, clause);
  }
  // As in MLflow, every other tag comparison (!= too) needs the tag to exist.
  return Prisma.sql`EXISTS (SELECT 1 FROM unnest(m."tags") AS t("tag") WHERE ${MODEL_TAG_KEY} = ${clause.key} AND ${compare(MODEL_TAG_VALUE, clause)})`;
}

export function modelConditions(clauses: readonly Clause[]): Prisma.Sql[] {
  const conditions = clauses.map(modelClause);
  if (!mentionsPrompt(clauses)) conditions.push(modelClause({ type: 'tag', key: PROMPT_TAG, comparator: '!=', value: 'true' }));
  return conditions;
}

const VERSION_ATTRIBUTES: Record<string, Prisma.Sql> = {
  name: Prisma.raw('m."name"'),
  version_number: Prisma.raw('v."number"'),
  source_path: Prisma.raw('v."artifact_uri"'),
  // MLflow stores an absent run_id as "", so it compares as "".
  run_id: Prisma.sql`COALESCE((SELECT r."value" FROM "version_tag" r WHERE r."version_id" = v."id" AND r."key" = ${RUN_ID_TAG}), '')`,
};

export function versionClause(clause: Clause): Prisma.Sql {
  if (clause.type === 'attribute') return compare(VERSION_ATTRIBUTES[clause.key]!, clause);
  if (clause.key === PROMPT_TAG) {
    return compare(Prisma.sql`COALESCE((SELECT t."value" FROM "version_tag" t WHERE t."version_id" = v."id" AND t."key" = ${PROMPT_TAG}), 'false')`, clause);
  }
  return Prisma.sql`EXISTS (SELECT 1 FROM "version_tag" t WHERE t."version_id" = v."id" AND t."key" = ${clause.key} AND ${compare(Prisma.raw('t."value"'), clause)})`;
}

export function versionConditions(clauses: readonly Clause[]): Prisma.Sql[] {
  const conditions = clauses.map(versionClause);
  if (!mentionsPrompt(clauses)) conditions.push(versionClause({ type: 'tag', key: PROMPT_TAG, comparator: '!=', value: 'true' }));
  return conditions;
}

/** Rows strictly after the cursor in the given total ordering. */
export function afterCursor(terms: readonly SortTerm[], sql: Record<SortKey, Prisma.Sql>, values: readonly CursorValue[]): Prisma.Sql {
  const branches = terms.map((term, i) => {
    const equal = terms.slice(0, i).map((t, j) => Prisma.sql`${sql[t.key]} = ${values[j]!}`);
    const beyond = Prisma.sql`${sql[term.key]} ${Prisma.raw(term.ascending ? '>' : '<')} ${values[i]!}`;
    return Prisma.sql`(${Prisma.join([...equal, beyond], ' AND ')})`;
  });
  return Prisma.sql`(${Prisma.join(branches, ' OR ')})`;
}

export function orderBy(terms: readonly SortTerm[], sql: Record<SortKey, Prisma.Sql>): Prisma.Sql {
  return Prisma.join(
    terms.map((t) => Prisma.sql`${sql[t.key]} ${Prisma.raw(t.ascending ? 'ASC' : 'DESC')}`),
    ', ',
  );
}

export function where(conditions: readonly Prisma.Sql[]): Prisma.Sql {
  return conditions.length === 0 ? Prisma.empty : Prisma.sql`WHERE ${Prisma.join([...conditions], ' AND ')}`;
}
