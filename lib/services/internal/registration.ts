import { guessDirection, RegistryError } from '@/lib/registry';
import type { Tx } from '@/lib/db/prisma';
import { Prisma, type ModelVersion } from '@/lib/generated/prisma/client';
import { clock } from '../clock';
import type { VersionRecord } from './version-record';

// The statements registration sends, each doing as much as one round trip can. See register-version.ts
// for the order they run in and why.

/** A transaction, or the client itself (one statement, its own transaction). */
type Queryable = Pick<Tx, '$queryRaw'>;

/**
 * Takes the model's row lock, hands out the next version number and stamps the model's last activity,
 * in one statement. Null when no model has that name.
 */
export async function lockModelAndTakeNumber(tx: Tx, name: string, now: Date): Promise<{ id: string; name: string; number: number } | null> {
  const [row] = await tx.$queryRaw<{ id: string; name: string; number: number }[]>`
    UPDATE "registered_model"
    SET "next_version_number" = "next_version_number" + 1, "last_activity_at" = ${now}, "updated_at" = ${now}
    WHERE "name" = ${name}
    RETURNING "id", "name", "next_version_number" - 1 AS "number"`;
  return row ?? null;
}

export interface KnownState {
  /** The author's email, for the returned record. */
  createdBy: string | null;
  /** What an earlier request with the same Idempotency-Key created. */
  idempotent: { versionId: string; requestHash: string } | null;
  /** A version of this model with the same artifact digest. */
  sameDigest: string | null;
  /** The highest semver so far: the base of the automatic bump, the floor of an explicit one. */
  latest: { major: number; minor: number; patch: number; dataVersion: string; features: unknown } | null;
  /** For an explicit semver: the highest patch on its MAJOR.MINOR line, or null when that line has no version. */
  linePatch: number | null;
  /** The number of the version that already has the explicit semver. */
  clash: number | null;
}

type KnownArgs = { actorId: string | null; idempotencyKey?: string; digest?: string; semver?: { text: string; major: number; minor: number } };

/** The columns of KnownState, for the model whose id `modelId` is (a parameter or a column). */
function knownStateColumns(modelId: Prisma.Sql, args: KnownArgs): Prisma.Sql {
  const { actorId, idempotencyKey, digest, semver } = args;
  const idempotent = idempotencyKey && actorId
    ? Prisma.sql`(SELECT json_build_object('versionId', "version_id", 'requestHash', "request_hash") FROM "idempotency_key" WHERE "actor_id" = ${actorId} AND "key" = ${idempotencyKey})`
    : Prisma.sql`NULL::json`;
  const sameDigest = digest
    ? Prisma.sql`(SELECT "id" FROM "model_version" WHERE "model_id" = ${modelId} AND "artifact_digest" = ${digest} LIMIT 1)`
    : Prisma.sql`NULL::text`;
  // An explicit semver may clash with any earlier one, or go backwards; an automatic one is above the highest by construction.
  const latest = Prisma.sql`(SELECT json_build_object('major', "major", 'minor', "minor", 'patch', "patch", 'dataVersion', "data_version", 'features', "features")
        FROM "model_version" WHERE "model_id" = ${modelId} ORDER BY "major" DESC, "minor" DESC, "patch" DESC LIMIT 1)`;
  const clash = semver ? Prisma.sql`(SELECT "number" FROM "model_version" WHERE "model_id" = ${modelId} AND "semver" = ${semver.text})` : Prisma.sql`NULL::int`;
  const linePatch = semver
    ? Prisma.sql`(SELECT max("patch") FROM "model_version" WHERE "model_id" = ${modelId} AND "major" = ${semver.major} AND "minor" = ${semver.minor})`
    : Prisma.sql`NULL::int`;
  return Prisma.sql`(SELECT "email" FROM "app_user" WHERE "id" = ${actorId}::text) AS "createdBy", ${idempotent} AS "idempotent",
      ${sameDigest} AS "sameDigest", ${latest} AS "latest", ${clash} AS "clash", ${linePatch} AS "linePatch"`;
}

/**
 * Everything registration must know before it writes, in one statement, under the model's row lock. It must
 * run after the lock is taken, in a statement of its own: only then does its snapshot include versions that
 * the registrations queued ahead of this one committed (a subquery inside the locking UPDATE would not).
 */
export async function readKnownState(tx: Tx, args: KnownArgs & { modelId: string }): Promise<KnownState> {
  const [row] = await tx.$queryRaw<KnownState[]>`SELECT ${knownStateColumns(Prisma.sql`${args.modelId}`, args)}`;
  return row!;
}

export interface ModelState {
  model: { id: string; name: string; number: number };
  known: KnownState;
}

/**
 * The model (with the number its next version would get: its registration stamp) and what registration
 * must know, read together without a lock, for the one-statement path (writeVersion with `take`). Null
 * when no model has that name.
 */
export async function readModelState(q: Queryable, name: string, args: KnownArgs): Promise<ModelState | null> {
  const [row] = await q.$queryRaw<(KnownState & { id: string; name: string; number: number })[]>`
    SELECT m."id", m."name", m."next_version_number" AS "number", ${knownStateColumns(Prisma.sql`m."id"`, args)}
    FROM "registered_model" m WHERE m."name" = ${name}`;
  if (!row) return null;
  const { id, name: modelName, number, ...known } = row;
  return { model: { id, name: modelName, number }, known };
}

export type ParentRecord = VersionRecord['parents'][number]['parent'] & { id: string };

/** The parent versions named in a registration, deduplicated, in the order given; each must exist. */
export async function resolveParents(q: Queryable, parents: { model: string; version: number }[]): Promise<ParentRecord[]> {
  if (parents.length === 0) return [];
  const found = await q.$queryRaw<{ id: string; number: number; model: string }[]>`
    SELECT v."id", v."number", m."name" AS "model"
    FROM jsonb_to_recordset(${JSON.stringify(parents)}::jsonb) AS p("model" text, "version" int)
    JOIN "registered_model" m ON m."name" = p."model"
    JOIN "model_version" v ON v."model_id" = m."id" AND v."number" = p."version"`;
  const resolved = new Map<string, ParentRecord>();
  for (const parent of parents) {
    const match = found.find((f) => f.model === parent.model && f.number === parent.version);
    if (!match) throw new RegistryError('INVALID_ARGUMENT', `Parent ${parent.model} v${parent.version} does not exist.`);
    if (!resolved.has(match.id)) resolved.set(match.id, { id: match.id, number: match.number, model: { name: match.model } });
  }
  return [...resolved.values()];
}

/** A version's row as Prisma reads it, written by writeVersion and returned without reading it back. */
export type VersionRow = ModelVersion;

/** Each column of the row, with its SQL type: the INSERT names every field of VersionRow, or TypeScript says which is missing. */
const VERSION_COLUMNS: { [K in keyof VersionRow]: [column: string, type: string] } = {
  id: ['id', 'text'],
  modelId: ['model_id', 'text'],
  number: ['number', 'int'],
  semver: ['semver', 'text'],
  major: ['major', 'int'],
  minor: ['minor', 'int'],
  patch: ['patch', 'int'],
  dataVersion: ['data_version', 'text'],
  stage: ['stage', '"Stage"'],
  artifactUri: ['artifact_uri', 'text'],
  artifactDigest: ['artifact_digest', 'text'],
  framework: ['framework', 'text'],
  hyperparameters: ['hyperparameters', 'jsonb'],
  features: ['features', 'jsonb'],
  trainingDataHash: ['training_data_hash', 'text'],
  trainingDataSource: ['training_data_source', 'text'],
  codeCommit: ['code_commit', 'text'],
  trainingDurationSec: ['training_duration_sec', 'float8'],
  trainingResources: ['training_resources', 'jsonb'],
  description: ['description', 'text'],
  modelCard: ['model_card', 'text'],
  cardOutline: ['card_outline', 'jsonb'],
  changelog: ['changelog', 'text'],
  migrationNotes: ['migration_notes', 'text'],
  environment: ['environment', 'jsonb'],
  modelSizeBytes: ['model_size_bytes', 'float8'],
  createdById: ['created_by_id', 'text'],
  createdViaTokenId: ['created_via_token_id', 'text'],
  createdAt: ['created_at', 'timestamptz'],
  stageChangedAt: ['stage_changed_at', 'timestamptz'],
};

function versionValues(row: VersionRow): { columns: Prisma.Sql; values: Prisma.Sql } {
  const entries = Object.entries(VERSION_COLUMNS) as [keyof VersionRow, [string, string]][];
  const columns = Prisma.raw(entries.map(([, [column]]) => `"${column}"`).join(', '));
  const values = Prisma.join(
    entries.map(([field, [, type]]) => {
      const value = row[field];
      const param = type === 'jsonb' ? (value === null ? null : JSON.stringify(value)) : value;
      return Prisma.sql`${param}::${Prisma.raw(type)}`;
    }),
    ', ',
  );
  return { columns, values };
}

export interface VersionWrite {
  row: VersionRow;
  metrics: { key: string; value: number; evaluationSet: string; slice: string }[];
  tags: Record<string, string>;
  parentIds: string[];
  idempotency?: { actorId: string; key: string; requestHash: string };
  /** More writes of the same statement (the version's audit event). */
  alsoWrite?: Prisma.Sql[];
  /**
   * Take the model's row lock and the version's number in this same statement, provided the model's counter
   * still stands at `row.number` (nothing registered since the caller read it); otherwise the statement is
   * refused with registration_state_changed and writes nothing. Without it the caller already holds the lock.
   */
  take?: { at: Date };
}

type Written = Pick<VersionRecord, 'metrics' | 'tags'>;

/**
 * Writes a version and everything that belongs beside its row — metrics, tags, lineage, the model's
 * definitions of new metric keys, the Idempotency-Key, and its audit event (`alsoWrite`) — in one statement,
 * and returns the metrics and tags sorted as the version's record reads them (by the database's collation,
 * so exactly as a later read would). Foreign keys and the registration-only triggers on metrics and lineage
 * are checked at the end of the statement, when the version's row is there.
 */
export async function writeVersion(q: Queryable, w: VersionWrite): Promise<Written> {
  const { row } = w;
  const tags = Object.entries(w.tags).map(([key, value]) => ({ key, value }));
  const definitions = [...new Set(w.metrics.map((m) => m.key))].map((key) => ({ key, direction: guessDirection(key) }));
  const writes: Prisma.Sql[] = [];
  const { columns, values } = versionValues(row);
  if (w.take) {
    // Referenced first by the statement's answer, so the row lock comes before the audit chain's (as on every path).
    writes.push(Prisma.sql`"take" AS (SELECT "modelgate_take_version_number"(${row.modelId}, ${row.number}::int, ${w.take.at}::timestamptz) AS "number")`);
    writes.push(Prisma.sql`"v" AS (INSERT INTO "model_version" (${columns}) SELECT ${values} FROM "take")`);
  } else {
    writes.push(Prisma.sql`"v" AS (INSERT INTO "model_version" (${columns}) VALUES (${values}))`);
  }
  // Metric and definition ids are internal (never shown or linked); the database makes them.
  if (w.metrics.length > 0) {
    writes.push(Prisma.sql`"m" AS (
      INSERT INTO "metric" ("id", "version_id", "key", "value", "evaluation_set", "slice")
      SELECT gen_random_uuid()::text, ${row.id}, x."key", x."value", x."evaluation_set", x."slice"
      FROM jsonb_to_recordset(${JSON.stringify(w.metrics.map((m) => ({ key: m.key, value: m.value, evaluation_set: m.evaluationSet, slice: m.slice })))}::jsonb)
        AS x("key" text, "value" float8, "evaluation_set" text, "slice" text)
      RETURNING "key", "value", "evaluation_set", "slice")`);
    writes.push(Prisma.sql`"d" AS (
      INSERT INTO "metric_definition" ("id", "model_id", "key", "direction")
      SELECT gen_random_uuid()::text, ${row.modelId}, x."key", x."direction"::"MetricDirection"
      FROM jsonb_to_recordset(${JSON.stringify(definitions)}::jsonb) AS x("key" text, "direction" text)
      ON CONFLICT DO NOTHING)`);
  }
  if (tags.length > 0) {
    writes.push(Prisma.sql`"t" AS (
      INSERT INTO "version_tag" ("version_id", "key", "value")
      SELECT ${row.id}, x."key", x."value" FROM jsonb_to_recordset(${JSON.stringify(tags)}::jsonb) AS x("key" text, "value" text)
      RETURNING "key", "value")`);
  }
  if (w.parentIds.length > 0) {
    writes.push(Prisma.sql`"p" AS (
      INSERT INTO "version_lineage" ("child_id", "parent_id")
      SELECT ${row.id}, x."id" FROM jsonb_array_elements_text(${JSON.stringify(w.parentIds)}::jsonb) AS x("id"))`);
  }
  if (w.idempotency) {
    writes.push(Prisma.sql`"k" AS (
      INSERT INTO "idempotency_key" ("actor_id", "key", "version_id", "request_hash", "created_at")
      VALUES (${w.idempotency.actorId}, ${w.idempotency.key}, ${row.id}, ${w.idempotency.requestHash}, ${clock.now()}))`);
  }
  writes.push(...(w.alsoWrite ?? []));
  const taken = w.take ? Prisma.sql`(SELECT "number" FROM "take")` : Prisma.sql`NULL::int`;
  const metrics = w.metrics.length > 0
    ? Prisma.sql`(SELECT json_agg(json_build_object('key', "key", 'value', "value", 'evaluationSet', "evaluation_set", 'slice', "slice") ORDER BY "evaluation_set", "key", "slice") FROM "m")`
    : Prisma.sql`NULL::json`;
  const tagList = tags.length > 0 ? Prisma.sql`(SELECT json_agg(json_build_object('key', "key", 'value', "value") ORDER BY "key") FROM "t")` : Prisma.sql`NULL::json`;
  const [answer] = await q.$queryRaw<{ taken: number | null; metrics: Written['metrics'] | null; tags: Written['tags'] | null }[]>`
    WITH ${Prisma.join(writes, ', ')}
    SELECT ${taken} AS "taken", ${metrics} AS "metrics", ${tagList} AS "tags"`;
  return { metrics: answer?.metrics ?? [], tags: answer?.tags ?? [] };
}
