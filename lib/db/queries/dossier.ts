import 'server-only';
import { db } from '@/lib/db/prisma';
import type { GateResult } from '@/lib/registry';
import { evaluateVersionGates } from '@/lib/services/internal/gate-context';

const metricSelect = { where: { slice: '' }, select: { key: true, value: true, evaluationSet: true }, orderBy: [{ evaluationSet: 'asc' as const }, { key: 'asc' as const }] };

/**
 * Everything an auditor needs about one release, read once for its printable dossier: the record and its
 * documentation, the baseline it was judged against, what its requests' gates said and who decided them
 * with what comment, its lineage, and every audit event about it with its place in the model's hash chain.
 */
export async function getDossier(modelName: string, number: number) {
  const version = await db.modelVersion.findFirst({
    where: { model: { name: modelName }, number },
    include: {
      model: { select: { id: true, name: true, metricDefinitions: { select: { key: true, direction: true, isPrimary: true } } } },
      createdBy: { select: { name: true, email: true } },
      metrics: metricSelect,
      tags: { orderBy: { key: 'asc' }, select: { key: true, value: true } },
      aliases: { select: { alias: true } },
      parents: { select: { parent: { select: { number: true, semver: true, model: { select: { name: true } } } } } },
      children: { select: { child: { select: { number: true, semver: true, model: { select: { name: true } } } } } },
      productionPeriods: { orderBy: { startedAt: 'asc' }, select: { startedAt: true, endedAt: true, startedBy: true, endedReason: true } },
      cardRevisions: { orderBy: { revision: 'desc' }, take: 1, select: { revision: true, actorLabel: true, createdAt: true } },
      requests: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true, kind: true, status: true, comment: true, createdAt: true, decidedAt: true, requiredApprovals: true, gateResults: true, canaryWeight: true,
          requestedBy: { select: { name: true, email: true } },
          decisions: { orderBy: { createdAt: 'asc' }, select: { decision: true, comment: true, createdAt: true, approver: { select: { name: true, email: true } } } },
        },
      },
    },
  });
  if (!version) return null;

  const events = await db.auditEvent.findMany({
    where: { versionId: version.id },
    orderBy: { id: 'asc' },
    take: 500,
    select: { id: true, at: true, action: true, actorLabel: true, fromStage: true, toStage: true, comment: true, override: true, chainKey: true, chainSeq: true, prevHash: true, hash: true, data: true },
  });

  // The baseline it was judged against: the Production version its last Production request named, else the
  // one it replaced in Production, else today's Production.
  const requested = [...events].reverse().find((e) => e.action === 'promotion.requested');
  const namedBaseline = (requested?.data as { baselineVersion?: number | null } | null)?.baselineVersion ?? null;
  const firstPeriod = version.productionPeriods[0];
  const replaced = firstPeriod
    ? await db.productionPeriod.findFirst({ where: { modelId: version.modelId, startedAt: { lt: firstPeriod.startedAt }, versionId: { not: version.id } }, orderBy: { startedAt: 'desc' }, select: { version: { select: { number: true } } } })
    : null;
  const baselineNumber = namedBaseline ?? replaced?.version.number ?? null;
  const baseline = await db.modelVersion.findFirst({
    where: baselineNumber !== null ? { modelId: version.modelId, number: baselineNumber } : { modelId: version.modelId, stage: 'production', id: { not: version.id } },
    select: { number: true, semver: true, metrics: metricSelect },
  });
  const baselineReason = namedBaseline !== null ? 'named by its Production request' : replaced ? 'the version it replaced in Production' : baseline ? 'the Production version today' : null;

  // The gates as the current policy judges it now, beside the snapshots its requests took.
  const liveGates: GateResult[] = (await db.$transaction((tx) => evaluateVersionGates(tx, { modelId: version.modelId, versionId: version.id, target: 'production' }))).results;
  return { version, baseline: baseline ? { ...baseline, reason: baselineReason } : null, events, liveGates };
}

export type Dossier = NonNullable<Awaited<ReturnType<typeof getDossier>>>;
