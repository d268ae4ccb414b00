import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * A version's whole record as the APIs return it: the row plus its model's name, metrics, tags, aliases,
 * lineage and author. Registration returns this shape too, so callers answer without reading it back.
 */
export const versionRecordInclude = {
  model: { select: { name: true } },
  metrics: { select: { key: true, value: true, evaluationSet: true, slice: true }, orderBy: [{ evaluationSet: 'asc' }, { key: 'asc' }, { slice: 'asc' }] },
  tags: { select: { key: true, value: true }, orderBy: { key: 'asc' } },
  aliases: { select: { alias: true }, orderBy: { alias: 'asc' } },
  parents: { select: { parent: { select: { number: true, model: { select: { name: true } } } } } },
  createdBy: { select: { email: true } },
} satisfies Prisma.ModelVersionInclude;

export type VersionRecord = Prisma.ModelVersionGetPayload<{ include: typeof versionRecordInclude }>;
