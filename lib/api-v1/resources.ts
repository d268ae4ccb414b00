import 'server-only';
import { db } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';

/** What API v1 returns for a version: its whole record, flat and stable. */
export const versionInclude = {
  model: { select: { name: true } },
  metrics: { select: { key: true, value: true, evaluationSet: true, slice: true }, orderBy: [{ evaluationSet: 'asc' }, { key: 'asc' }, { slice: 'asc' }] },
  tags: { select: { key: true, value: true }, orderBy: { key: 'asc' } },
  aliases: { select: { alias: true }, orderBy: { alias: 'asc' } },
  parents: { select: { parent: { select: { number: true, model: { select: { name: true } } } } } },
  createdBy: { select: { email: true } },
} satisfies Prisma.ModelVersionInclude;

type VersionRow = Prisma.ModelVersionGetPayload<{ include: typeof versionInclude }>;

export function versionResource(v: VersionRow) {
  return {
    model: v.model.name,
    number: v.number,
    semver: v.semver,
    stage: v.stage,
    dataVersion: v.dataVersion,
    artifactUri: v.artifactUri,
    artifactDigest: v.artifactDigest,
    framework: v.framework,
    hyperparameters: v.hyperparameters,
    features: v.features,
    trainingDataHash: v.trainingDataHash,
    trainingDataSource: v.trainingDataSource,
    codeCommit: v.codeCommit,
    trainingDurationSec: v.trainingDurationSec,
    trainingResources: v.trainingResources,
    parents: v.parents.map((p) => ({ model: p.parent.model.name, version: p.parent.number })),
    metrics: v.metrics,
    tags: Object.fromEntries(v.tags.map((t) => [t.key, t.value])),
    aliases: v.aliases.map((a) => a.alias),
    description: v.description,
    modelCard: v.modelCard,
    createdBy: v.createdBy?.email ?? null,
    createdAt: v.createdAt.toISOString(),
    stageChangedAt: v.stageChangedAt.toISOString(),
  };
}
export type VersionResource = ReturnType<typeof versionResource>;

export async function loadVersionResource(model: string, number: number): Promise<VersionResource | null> {
  const v = await db.modelVersion.findFirst({ where: { model: { name: model }, number }, include: versionInclude });
  return v ? versionResource(v) : null;
}

export async function loadVersionResourceById(id: string): Promise<VersionResource> {
  return versionResource(await db.modelVersion.findUniqueOrThrow({ where: { id }, include: versionInclude }));
}
