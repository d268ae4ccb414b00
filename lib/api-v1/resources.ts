import 'server-only';
import { db } from '@/lib/db/prisma';
import { versionRecordInclude, type VersionRecord } from '@/lib/services/internal/version-record';

/** What API v1 returns for a version: its whole record, flat and stable. */
export function versionResource(v: VersionRecord) {
  return {
    model: v.model.name,
    number: v.number,
    semver: v.semver,
    stage: v.stage,
    dataVersion: v.dataVersion,
    artifactUri: v.artifactUri,
    artifactDigest: v.artifactDigest,
    framework: v.framework,
    // Registration validates these as a JSON object and a feature list; the column type only says JSON.
    hyperparameters: v.hyperparameters as Record<string, unknown>,
    features: v.features as { name: string; type: string }[],
    trainingDataHash: v.trainingDataHash,
    trainingDataSource: v.trainingDataSource,
    codeCommit: v.codeCommit,
    trainingDurationSec: v.trainingDurationSec,
    trainingResources: v.trainingResources as Record<string, unknown> | null,
    parents: v.parents.map((p) => ({ model: p.parent.model.name, version: p.parent.number })),
    metrics: v.metrics,
    tags: Object.fromEntries(v.tags.map((t) => [t.key, t.value])),
    aliases: v.aliases.map((a) => a.alias),
    description: v.description,
    modelCard: v.modelCard,
    changelog: v.changelog,
    migrationNotes: v.migrationNotes,
    environment: v.environment as Record<string, string>,
    modelSizeBytes: v.modelSizeBytes,
    createdBy: v.createdBy?.email ?? null,
    createdAt: v.createdAt.toISOString(),
    stageChangedAt: v.stageChangedAt.toISOString(),
  };
}
export type VersionResource = ReturnType<typeof versionResource>;

export async function loadVersionResource(model: string, number: number): Promise<VersionResource | null> {
  const v = await db.modelVersion.findFirst({ where: { model: { name: model }, number }, include: versionRecordInclude });
  return v ? versionResource(v) : null;
}
