import 'server-only';
import { db } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Stage } from '@/lib/registry';
import { MlflowError } from '../errors';
import type { ModelRecord, VersionRecord } from '../serialize';

interface ModelRow {
  id: string;
  name: string;
  created_ms: bigint;
  activity_ms: bigint;
  description: string;
  tags: string[];
  aliases: { alias: string; number: number }[];
  latest: { number: number; created_ms: number; stage_ms: number; stage: Stage; description: string; artifact_uri: string; author: string | null; tags: { key: string; value: string }[] }[];
}

/**
 * Full RegisteredModel records in one statement, however many models: the model, its aliases, and the
 * newest version of each stage with its tags. MLflow 3 clients read a model before most writes (a check
 * that it is not a prompt), so this is on the hot path. The newest version per stage is one probe of the
 * (model_id, stage, number DESC) index per stage, so a model with 100,000 versions costs what one with 4 does.
 * Timestamps leave Postgres as epoch milliseconds, MLflow's unit (the columns hold UTC without a zone).
 */
function selectModels(where: Prisma.Sql) {
  return db.$queryRaw<ModelRow[]>`
    SELECT m."id", m."name", m."description", m."tags",
      (extract(epoch from m."created_at") * 1000)::bigint AS "created_ms",
      (extract(epoch from m."last_activity_at") * 1000)::bigint AS "activity_ms",
      COALESCE((SELECT json_agg(json_build_object('alias', a."alias", 'number', av."number") ORDER BY a."alias")
        FROM "model_alias" a JOIN "model_version" av ON av."id" = a."version_id" WHERE a."model_id" = m."id"), '[]') AS "aliases",
      COALESCE((SELECT json_agg(json_build_object(
          'number', v."number", 'stage', v."stage", 'description', v."description", 'artifact_uri', v."artifact_uri", 'author', u."email",
          'created_ms', (extract(epoch from v."created_at") * 1000)::bigint, 'stage_ms', (extract(epoch from v."stage_changed_at") * 1000)::bigint,
          'tags', COALESCE((SELECT json_agg(json_build_object('key', t."key", 'value', t."value") ORDER BY t."key") FROM "version_tag" t WHERE t."version_id" = v."id"), '[]')))
        FROM unnest(enum_range(NULL::"Stage")) AS s("stage")
        CROSS JOIN LATERAL (SELECT * FROM "model_version" x WHERE x."model_id" = m."id" AND x."stage" = s."stage" ORDER BY x."number" DESC LIMIT 1) v
        LEFT JOIN "app_user" u ON u."id" = v."created_by_id"), '[]') AS "latest"
    FROM "registered_model" m
    WHERE ${where}`;
}

function toRecord(row: ModelRow): ModelRecord {
  const model = { name: row.name };
  return {
    name: row.name,
    createdAt: new Date(Number(row.created_ms)),
    lastActivityAt: new Date(Number(row.activity_ms)),
    description: row.description,
    tags: row.tags,
    aliases: row.aliases.map((a) => ({ alias: a.alias, version: { number: a.number } })),
    latestVersions: row.latest.map(
      (v): VersionRecord => ({
        number: v.number,
        createdAt: new Date(v.created_ms),
        stageChangedAt: new Date(v.stage_ms),
        stage: v.stage,
        description: v.description,
        artifactUri: v.artifact_uri,
        createdBy: v.author ? { email: v.author } : null,
        model,
        tags: v.tags,
        aliases: [],
      }),
    ),
  };
}

/** Full model records for `ids`, in the order of `ids`. */
export async function loadModels(ids: readonly string[]): Promise<ModelRecord[]> {
  if (ids.length === 0) return [];
  const rows = await selectModels(Prisma.sql`m."id" IN (${Prisma.join([...ids])})`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toRecord(row)] : [];
  });
}

export function modelNotFound(name: string): MlflowError {
  return new MlflowError('RESOURCE_DOES_NOT_EXIST', `Registered Model with name=${name} not found`);
}

export async function findModel(name: string): Promise<ModelRecord | null> {
  const [row] = await selectModels(Prisma.sql`m."name" = ${name}`);
  return row ? toRecord(row) : null;
}

export async function loadModel(name: string): Promise<ModelRecord> {
  const model = await findModel(name);
  if (!model) throw modelNotFound(name);
  return model;
}
