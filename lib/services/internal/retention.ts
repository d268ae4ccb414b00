import type { Tx } from '@/lib/db/prisma';
import type { RetentionCandidate } from '@/lib/registry';

/**
 * A model's versions outside Archived as the retention rule sees them: stage, when they entered it, whether
 * they ever had a Production period, a pending request, or aliases. One query per relation, whatever the
 * number of versions.
 */
export async function loadRetentionCandidates(tx: Tx, modelId: string): Promise<(RetentionCandidate & { id: string })[]> {
  const versions = await tx.modelVersion.findMany({
    where: { modelId, stage: { not: 'archived' } },
    orderBy: { number: 'desc' },
    select: {
      id: true,
      number: true,
      semver: true,
      stage: true,
      stageChangedAt: true,
      productionPeriods: { select: { id: true }, take: 1 },
      requests: { where: { status: 'pending' }, select: { id: true }, take: 1 },
      aliases: { select: { alias: true }, orderBy: { alias: 'asc' } },
    },
  });
  return versions.map((v) => ({
    id: v.id,
    number: v.number,
    semver: v.semver,
    stage: v.stage,
    enteredStageAt: v.stageChangedAt,
    servedProduction: v.productionPeriods.length > 0,
    pendingRequest: v.requests.length > 0,
    aliases: v.aliases.map((a) => a.alias),
  }));
}

/** The models whose saved policy has a retention rule, by name (the order a pass visits them in). */
export async function modelsWithRetention(tx: Pick<Tx, '$queryRaw'>): Promise<{ id: string; name: string }[]> {
  return tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT m."id", m."name" FROM "model_policy" p JOIN "registered_model" m ON m."id" = p."model_id"
    WHERE jsonb_typeof(p."gates" -> 'retention') = 'object'
    ORDER BY m."name"`;
}
