import type { Tx } from '@/lib/db/prisma';
import { evaluateGates, parsePolicy, requiredApprovals, type GateResult, type PolicyStage } from '@/lib/registry';

export interface GateEvaluation {
  results: GateResult[];
  requiredApprovals: number;
  baseline: { id: string; number: number } | null;
}

/**
 * Loads what the gates for `target` need — the model's policy, the candidate's metrics and metadata, the
 * current Production version's metrics — and evaluates them. Reads inside the caller's transaction so
 * the verdict and the change it allows see the same data.
 */
export async function evaluateVersionGates(tx: Tx, args: { modelId: string; versionId: string; target: PolicyStage }): Promise<GateEvaluation> {
  // Sequential on purpose: one transaction is one connection, which runs one query at a time anyway.
  const policyRow = await tx.modelPolicy.findUnique({ where: { modelId: args.modelId }, select: { gates: true } });
  const definitions = await tx.metricDefinition.findMany({ where: { modelId: args.modelId }, select: { key: true, direction: true, isPrimary: true } });
  const candidate = await tx.modelVersion.findUniqueOrThrow({
      where: { id: args.versionId },
      select: { artifactDigest: true, trainingDataHash: true, codeCommit: true, modelCard: true, metrics: { select: { key: true, value: true, evaluationSet: true, slice: true } } },
  });
  const baseline = await tx.modelVersion.findFirst({
    where: { modelId: args.modelId, stage: 'production', id: { not: args.versionId } },
    select: { id: true, number: true, metrics: { select: { key: true, value: true, evaluationSet: true, slice: true } } },
  });
  const gates = parsePolicy(policyRow?.gates ?? undefined)[args.target];
  const results = evaluateGates(gates, {
    candidate: {
      metrics: candidate.metrics,
      metadata: { artifactDigest: candidate.artifactDigest, trainingDataHash: candidate.trainingDataHash, codeCommit: candidate.codeCommit },
      modelCard: candidate.modelCard,
    },
    baseline: baseline ? { number: baseline.number, metrics: baseline.metrics } : null,
    directions: Object.fromEntries(definitions.map((d) => [d.key, d.direction])),
    primaryMetric: definitions.find((d) => d.isPrimary)?.key ?? null,
  });
  return { results, requiredApprovals: requiredApprovals(gates), baseline: baseline ? { id: baseline.id, number: baseline.number } : null };
}
