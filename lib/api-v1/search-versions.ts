import 'server-only';
import { db } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';
import { RegistryError } from '@/lib/registry';
import { METRIC_FILTER, type SearchVersionsQuery } from '@/lib/validations/api-v1';
import { versionRecordInclude } from '@/lib/services/internal/version-record';
import { versionResource, type VersionResource } from './resources';

const OPS: Record<string, keyof Prisma.FloatFilter> = { '>=': 'gte', '<=': 'lte', '>': 'gt', '<': 'lt', '=': 'equals' };

/**
 * A page ends early once its versions add up to this many bytes of JSON (model cards may be 200 KB each,
 * so 200 of them would be 40 MB); the cursor then continues where it stopped.
 */
export const VERSION_PAGE_BYTES = 4_000_000;

/** Versions of one model, newest first, filtered, by keyset on the version number. */
export async function searchVersions(model: string, query: SearchVersionsQuery, maxBytes = VERSION_PAGE_BYTES): Promise<{ versions: VersionResource[]; nextCursor: number | null }> {
  const found = await db.registeredModel.findUnique({ where: { name: model }, select: { id: true } });
  if (!found) throw new RegistryError('NOT_FOUND', `No model named "${model}".`);
  const [tagKey, tagValue] = query.tag ? query.tag.split(/=(.*)/s) : [];
  const where: Prisma.ModelVersionWhereInput = {
    modelId: found.id,
    ...(query.stage ? { stage: query.stage } : {}),
    ...(query.cursor ? { number: { lt: query.cursor } } : {}),
    ...(tagKey ? { tags: { some: { key: tagKey, ...(tagValue !== undefined ? { value: tagValue } : {}) } } } : {}),
    ...(query.alias ? { aliases: { some: { alias: query.alias } } } : {}),
    AND: query.metric.map((filter) => {
      const [, key, op, value] = METRIC_FILTER.exec(filter)!;
      return { metrics: { some: { key: key!, slice: '', value: { [OPS[op!]!]: Number(value) } } } };
    }),
  };
  const rows = await db.modelVersion.findMany({ where, orderBy: { number: 'desc' }, take: query.limit + 1, include: versionRecordInclude });
  const versions: VersionResource[] = [];
  let bytes = 0;
  for (const row of rows.slice(0, query.limit)) {
    const resource = versionResource(row);
    bytes += JSON.stringify(resource).length;
    if (versions.length > 0 && bytes > maxBytes) break;
    versions.push(resource);
  }
  const more = rows.length > versions.length;
  return { versions, nextCursor: more ? (versions[versions.length - 1]?.number ?? null) : null };
}
