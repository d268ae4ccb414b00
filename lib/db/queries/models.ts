import 'server-only';
import { db } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Stage } from '@/lib/registry';
import type { ListModelsQuery } from '@/lib/validations/model';

export interface ModelListItem {
  name: string;
  description: string;
  tags: string[];
  owner: string;
  lastActivityAt: string;
  stageCounts: Record<Stage, number>;
  production: { number: number; semver: string; metricKey: string | null; metricValue: number | null } | null;
}

const EMPTY_COUNTS: Record<Stage, number> = { testing: 0, staging: 0, production: 0, archived: 0 };

/**
 * The models a search matches: `q` as the models page searches (name or description containing it, or an
 * exact tag), `tag` one exact tag; with `visible`, only those models. The page and bulk selections share it.
 */
export function modelFilterWhere(filter: { q?: string; tag?: string }, visible: readonly string[] | null = null): Prisma.RegisteredModelWhereInput {
  const q = filter.q?.trim();
  return {
    AND: [
      q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { tags: { has: q } }, { description: { contains: q, mode: 'insensitive' } }] } : {},
      filter.tag ? { tags: { has: filter.tag } } : {},
      visible ? { name: { in: [...visible] } } : {},
    ],
  };
}

/** One page of models, most recently active first; with `visible`, only those models (a token restricted to one). */
export async function listModels(query: ListModelsQuery, visible: readonly string[] | null = null): Promise<{ items: ModelListItem[]; total: number; page: number; pageSize: number }> {
  const where = modelFilterWhere({ q: query.q }, visible);
  const [total, models] = await Promise.all([
    db.registeredModel.count({ where }),
    db.registeredModel.findMany({
      where,
      orderBy: [{ lastActivityAt: 'desc' }, { name: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: {
        owner: { select: { name: true } },
        metricDefinitions: { where: { isPrimary: true }, select: { key: true } },
        versions: { where: { stage: 'production' }, select: { id: true, number: true, semver: true } },
        // Kept by a trigger: four numbers per model instead of counting every version on each page view.
        stageCounts: { select: { stage: true, versions: true } },
      },
    }),
  ]);
  const productionIds = models.flatMap((m) => m.versions.map((v) => v.id));
  const metrics = productionIds.length
    ? await db.metric.findMany({ where: { versionId: { in: productionIds }, slice: '' }, select: { versionId: true, key: true, value: true, evaluationSet: true } })
    : [];

  const items = models.map((m): ModelListItem => {
    const stageCounts = { ...EMPTY_COUNTS };
    for (const c of m.stageCounts) stageCounts[c.stage] = c.versions;
    const prod = m.versions[0];
    const key = m.metricDefinitions[0]?.key ?? null;
    const value = prod && key ? (metrics.find((x) => x.versionId === prod.id && x.key === key)?.value ?? null) : null;
    return {
      name: m.name,
      description: m.description,
      tags: m.tags,
      owner: m.owner.name,
      lastActivityAt: m.lastActivityAt.toISOString(),
      stageCounts,
      production: prod ? { number: prod.number, semver: prod.semver, metricKey: key, metricValue: value } : null,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
