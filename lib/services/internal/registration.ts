import { guessDirection, RegistryError } from '@/lib/registry';
import type { Tx } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import { clock } from '../clock';
import type { VersionRecord } from './version-record';

// The statements registration sends, each doing as much as one round trip can. See register-version.ts
// for the order they run in and why.

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

/**
 * Everything registration must know before it writes, in one statement. It must run after the row lock
 * is taken, in a statement of its own: only then does its snapshot include versions that the
 * registrations queued ahead of this one committed (a subquery inside the locking UPDATE would not).
 */
export async function readKnownState(
  tx: Tx,
  args: { modelId: string; actorId: string | null; idempotencyKey?: string; digest?: string; semver?: { text: string; major: number; minor: number } },
): Promise<KnownState> {
  const { modelId, actorId, idempotencyKey, digest, semver } = args;
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
  const [row] = await tx.$queryRaw<KnownState[]>`
    SELECT (SELECT "email" FROM "app_user" WHERE "id" = ${actorId}::text) AS "createdBy", ${idempotent} AS "idempotent",
      ${sameDigest} AS "sameDigest", ${latest} AS "latest", ${clash} AS "clash", ${linePatch} AS "linePatch"`;
  return row!;
}

export type ParentRecord = VersionRecord['parents'][number]['parent'] & { id: string };

/** The parent versions named in a registration, deduplicated, in the order given; each must exist. */
export async function resolveParents(tx: Tx, parents: { model: string; version: number }[]): Promise<ParentRecord[]> {
  if (parents.length === 0) return [];
  const found = await tx.$queryRaw<{ id: string; number: number; model: string }[]>`
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

interface Children {
  versionId: string;
  modelId: string;
  metrics: { key: string; value: number; evaluationSet: string; slice: string }[];
  tags: Record<string, string>;
  parentIds: string[];
  idempotency?: { actorId: string; key: string; requestHash: string };
}

type Written = Pick<VersionRecord, 'metrics' | 'tags'>;

/**
 * Writes what belongs to a new version beside its row — metrics, tags, lineage, the model's definitions
 * of new metric keys, the Idempotency-Key — in one statement, and returns the metrics and tags sorted as
 * the version's record reads them (by the database's collation, so exactly as a later read would).
 */
export async function insertVersionChildren(tx: Tx, c: Children): Promise<Written> {
  const tags = Object.entries(c.tags).map(([key, value]) => ({ key, value }));
  const definitions = [...new Set(c.metrics.map((m) => m.key))].map((key) => ({ key, direction: guessDirection(key) }));
  const writes: Prisma.Sql[] = [];
  // Metric and definition ids are internal (never shown or linked); the database makes them.
  if (c.metrics.length > 0) {
    writes.push(Prisma.sql`"m" AS (
      INSERT INTO "metric" ("id", "version_id", "key", "value", "evaluation_set", "slice")
      SELECT gen_random_uuid()::text, ${c.versionId}, x."key", x."value", x."evaluation_set", x."slice"
      FROM jsonb_to_recordset(${JSON.stringify(c.metrics.map((m) => ({ key: m.key, value: m.value, evaluation_set: m.evaluationSet, slice: m.slice })))}::jsonb)
        AS x("key" text, "value" float8, "evaluation_set" text, "slice" text)
      RETURNING "key", "value", "evaluation_set", "slice")`);
    writes.push(Prisma.sql`"d" AS (
      INSERT INTO "metric_definition" ("id", "model_id", "key", "direction")
      SELECT gen_random_uuid()::text, ${c.modelId}, x."key", x."direction"::"MetricDirection"
      FROM jsonb_to_recordset(${JSON.stringify(definitions)}::jsonb) AS x("key" text, "direction" text)
      ON CONFLICT DO NOTHING)`);
  }
  if (tags.length > 0) {
    writes.push(Prisma.sql`"t" AS (
      INSERT INTO "version_tag" ("version_id", "key", "value")
      SELECT ${c.versionId}, x."key", x."value" FROM jsonb_to_recordset(${JSON.stringify(tags)}::jsonb) AS x("key" text, "value" text)
      RETURNING "key", "value")`);
  }
  if (c.parentIds.length > 0) {
    writes.push(Prisma.sql`"p" AS (
      INSERT INTO "version_lineage" ("child_id", "parent_id")
      SELECT ${c.versionId}, x."id" FROM jsonb_array_elements_text(${JSON.stringify(c.parentIds)}::jsonb) AS x("id"))`);
  }
  if (c.idempotency) {
    writes.push(Prisma.sql`"k" AS (
      INSERT INTO "idempotency_key" ("actor_id", "key", "version_id", "request_hash", "created_at")
      VALUES (${c.idempotency.actorId}, ${c.idempotency.key}, ${c.versionId}, ${c.idempotency.requestHash}, ${clock.now()}))`);
  }
  if (writes.length === 0) return { metrics: [], tags: [] };
  const metrics = c.metrics.length > 0
    ? Prisma.sql`(SELECT json_agg(json_build_object('key', "key", 'value', "value", 'evaluationSet', "evaluation_set", 'slice', "slice") ORDER BY "evaluation_set", "key", "slice") FROM "m")`
    : Prisma.sql`NULL::json`;
  const tagList = tags.length > 0 ? Prisma.sql`(SELECT json_agg(json_build_object('key', "key", 'value', "value") ORDER BY "key") FROM "t")` : Prisma.sql`NULL::json`;
  const [row] = await tx.$queryRaw<{ metrics: Written['metrics'] | null; tags: Written['tags'] | null }[]>`
    WITH ${Prisma.join(writes, ', ')}
    SELECT ${metrics} AS "metrics", ${tagList} AS "tags"`;
  return { metrics: row?.metrics ?? [], tags: row?.tags ?? [] };
}
