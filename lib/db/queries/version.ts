import 'server-only';
import { db } from '@/lib/db/prisma';

/** A version's full record for its page: metadata, metrics, lineage, tags and aliases. */
export async function getVersionDetail(modelName: string, number: number) {
  const version = await db.modelVersion.findFirst({
    where: { model: { name: modelName }, number },
    include: {
      model: {
        select: {
          id: true,
          name: true,
          metricDefinitions: { select: { key: true, direction: true, isPrimary: true, description: true } },
        },
      },
      createdBy: { select: { name: true, email: true } },
      metrics: { orderBy: [{ evaluationSet: 'asc' }, { key: 'asc' }, { slice: 'asc' }] },
      tags: { orderBy: { key: 'asc' } },
      aliases: { select: { alias: true } },
      parents: { select: { parent: { select: { number: true, semver: true, model: { select: { name: true } } } } } },
      children: { select: { child: { select: { number: true, semver: true, model: { select: { name: true } } } } } },
    },
  });
  if (!version) return null;
  const production = await db.modelVersion.findFirst({
    where: { modelId: version.modelId, stage: 'production' },
    select: { id: true, number: true, semver: true, metrics: { where: { slice: '' }, select: { key: true, value: true, evaluationSet: true } } },
  });
  return { version, production };
}

export type VersionDetail = NonNullable<Awaited<ReturnType<typeof getVersionDetail>>>;
