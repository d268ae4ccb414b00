import type { Prisma } from '@/lib/generated/prisma/client';

/** What both exports (one model's bundle, the registry's) write of each version: the whole record but ids. */
export const EXPORTED_VERSION_SELECT = {
  number: true, semver: true, stage: true, dataVersion: true, artifactUri: true, artifactDigest: true, framework: true,
  hyperparameters: true, features: true, trainingDataHash: true, trainingDataSource: true, codeCommit: true,
  trainingDurationSec: true, trainingResources: true, environment: true, modelSizeBytes: true,
  description: true, modelCard: true, changelog: true, migrationNotes: true, createdAt: true, stageChangedAt: true,
  metrics: { select: { key: true, value: true, evaluationSet: true, slice: true } },
  tags: { select: { key: true, value: true } },
  parents: { select: { parent: { select: { number: true, model: { select: { name: true } } } } } },
  createdBy: { select: { email: true } },
} as const satisfies Prisma.ModelVersionSelect;

type ExportedRow = Prisma.ModelVersionGetPayload<{ select: typeof EXPORTED_VERSION_SELECT }>;

/** A version as the exports write it: its author by e-mail, its parents by model name and number. */
export function exportedVersion<R extends ExportedRow>({ parents, createdBy, ...version }: R) {
  return { ...version, createdBy: createdBy?.email ?? null, parents: parents.map((p) => ({ model: p.parent.model.name, version: p.parent.number })) };
}
