import 'server-only';
import { db } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import { roleOn, type Stage } from '@/lib/registry';
import { currentModelName } from '@/lib/db/queries/model-names';
import type { Actor } from '@/lib/services/actor';
import { MlflowError } from '../errors';
import type { ModelRecord } from '../serialize';
import { findModel, modelNotFound } from './model-records';

const versionSelect = {
  id: true,
  modelId: true,
  number: true,
  createdAt: true,
  stageChangedAt: true,
  stage: true,
  description: true,
  artifactUri: true,
  createdBy: { select: { email: true } },
  model: { select: { name: true } },
  tags: { select: { key: true, value: true }, orderBy: { key: 'asc' } },
  aliases: { select: { alias: true }, orderBy: { alias: 'asc' } },
} as const satisfies Prisma.ModelVersionSelect;

type VersionRow = Prisma.ModelVersionGetPayload<{ select: typeof versionSelect }>;

/** Reading needs only a role on the model; a token restricted to another model has none. */
export function assertCanRead(actor: Actor, model: string): void {
  if (!roleOn(actor, model)) throw new MlflowError('PERMISSION_DENIED', `This API token is restricted to the model "${actor.modelScope}".`);
}

/**
 * The name serving clients read under (models:/<name>/Production, @champion, a version): the model of
 * that name, or the one a redirect from it points at after a rename. Checks the caller may read it.
 */
export async function readableModelName(actor: Actor, name: string): Promise<string> {
  const current = await currentModelName(name);
  assertCanRead(actor, current);
  return current;
}

/**
 * The model record a client reads under `name`, following a rename's redirect. One statement when `name`
 * is the model's current name (MLflow 3 clients read a model before most writes); a scoped token learns
 * nothing of models outside its scope, not even whether they exist.
 */
export async function loadReadableModel(actor: Actor, name: string): Promise<ModelRecord> {
  const model = (await findModel(name)) ?? (await findModel(await currentModelName(name)));
  if (!model) {
    assertCanRead(actor, name);
    throw modelNotFound(name);
  }
  assertCanRead(actor, model.name);
  return model;
}

export async function loadVersion(name: string, number: number): Promise<VersionRow> {
  const version = await db.modelVersion.findFirst({ where: { model: { name }, number }, select: versionSelect });
  if (!version) throw new MlflowError('RESOURCE_DOES_NOT_EXIST', `Model Version (name=${name}, version=${number}) not found`);
  return version;
}

/** Full version records for `ids`, in the order of `ids`. */
export async function loadVersions(ids: readonly string[]): Promise<VersionRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.modelVersion.findMany({ where: { id: { in: [...ids] } }, select: versionSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The newest version in each stage of each model (MLflow's latest_versions), restricted to `stages`. */
export async function latestVersions(modelIds: readonly string[], stages?: readonly Stage[]): Promise<VersionRow[]> {
  if (modelIds.length === 0 || stages?.length === 0) return [];
  const stageFilter = stages ? Prisma.sql`AND "stage"::text IN (${Prisma.join([...stages])})` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT ON ("model_id", "stage") "id" FROM "model_version"
    WHERE "model_id" IN (${Prisma.join([...modelIds])}) ${stageFilter}
    ORDER BY "model_id", "stage", "number" DESC`;
  return loadVersions(rows.map((r) => r.id));
}

export async function modelIdByName(name: string): Promise<string> {
  const row = await db.registeredModel.findUnique({ where: { name }, select: { id: true } });
  if (!row) throw modelNotFound(name);
  return row.id;
}

/** The version an alias points at; like MLflow, an unknown alias (or model) is INVALID_PARAMETER_VALUE. */
export async function versionByAlias(name: string, alias: string) {
  const found = await db.modelAlias.findFirst({ where: { model: { name }, alias }, select: { version: { select: { number: true } } } });
  if (!found) throw new MlflowError('INVALID_PARAMETER_VALUE', `Registered model alias ${alias} not found.`);
  return loadVersion(name, found.version.number);
}
