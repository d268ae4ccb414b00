import 'server-only';
import type { z } from 'zod';
import type { ZResolveQuery } from '@/lib/validations/api-v1';
import { db } from '@/lib/db/prisma';
import { RegistryError } from '@/lib/registry';

/**
 * What a serving system polls: the version to serve for a stage or alias, with the artifact to load and
 * the digest to check it against. One indexed lookup.
 */
export async function resolveVersion(model: string, query: z.infer<typeof ZResolveQuery>) {
  const version = query.alias
    ? (await db.modelAlias.findFirst({ where: { model: { name: model }, alias: query.alias }, select: { version: { select: { number: true, semver: true, stage: true, artifactUri: true, artifactDigest: true, stageChangedAt: true } } } }))?.version
    : await db.modelVersion.findFirst({
        where: { model: { name: model }, stage: query.stage },
        orderBy: { number: 'desc' },
        select: { number: true, semver: true, stage: true, artifactUri: true, artifactDigest: true, stageChangedAt: true },
      });
  if (!version) {
    const exists = await db.registeredModel.findUnique({ where: { name: model }, select: { id: true } });
    if (!exists) throw new RegistryError('NOT_FOUND', `No model named "${model}".`);
    throw new RegistryError('NOT_FOUND', query.alias ? `${model} has no version with the alias "${query.alias}".` : `${model} has no version in ${query.stage}.`);
  }
  return { model, version: version.number, semver: version.semver, stage: version.stage, artifactUri: version.artifactUri, artifactDigest: version.artifactDigest, since: version.stageChangedAt.toISOString() };
}
