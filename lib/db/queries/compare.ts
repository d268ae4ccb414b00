import 'server-only';
import { db } from '@/lib/db/prisma';
import type { CompareMetric, MetricInfo } from '@/lib/registry/compare';
import type { Stage } from '@/lib/registry';

export interface CompareVersionData {
  id: string;
  number: number;
  semver: string;
  stage: Stage;
  author: string | null;
  createdAt: string;
  framework: string | null;
  dataVersion: string;
  trainingDataSource: string | null;
  trainingDataHash: string | null;
  codeCommit: string | null;
  artifactDigest: string | null;
  modelSizeBytes: number | null;
  /** Raw JSON columns; the page reads them with the same guards as the version record. */
  hyperparameters: unknown;
  features: unknown;
  environment: unknown;
  metrics: CompareMetric[];
  /** Not asked for: the model's Production version, added so there is a baseline to compare with. */
  addedAsBaseline: boolean;
}

export interface CompareData {
  model: { name: string };
  definitions: MetricInfo[];
  versions: CompareVersionData[];
  /** Requested numbers the model does not have. */
  missing: number[];
}

/**
 * The selected versions of a model with everything a comparison shows, plus its Production version when
 * that was not selected (the baseline the issue asks for). Null when the model does not exist.
 */
export async function getComparisonData(modelName: string, numbers: number[]): Promise<CompareData | null> {
  const model = await db.registeredModel.findUnique({
    where: { name: modelName },
    select: { id: true, name: true, metricDefinitions: { select: { key: true, direction: true, isPrimary: true }, orderBy: { key: 'asc' } } },
  });
  if (!model) return null;
  const rows = await db.modelVersion.findMany({
    where: { modelId: model.id, OR: [{ number: { in: numbers } }, { stage: 'production' }] },
    orderBy: { number: 'asc' },
    select: {
      id: true,
      number: true,
      semver: true,
      stage: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      framework: true,
      dataVersion: true,
      trainingDataSource: true,
      trainingDataHash: true,
      codeCommit: true,
      artifactDigest: true,
      modelSizeBytes: true,
      environment: true,
      hyperparameters: true,
      features: true,
      metrics: { select: { key: true, value: true, evaluationSet: true, slice: true } },
    },
  });
  const found = new Set(rows.map((r) => r.number));
  return {
    model: { name: model.name },
    definitions: model.metricDefinitions,
    missing: numbers.filter((n) => !found.has(n)),
    versions: rows.map(({ createdBy, createdAt, ...v }) => ({
      ...v,
      author: createdBy?.name ?? null,
      createdAt: createdAt.toISOString(),
      addedAsBaseline: !numbers.includes(v.number),
    })),
  };
}
