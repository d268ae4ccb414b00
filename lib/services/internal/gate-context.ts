import type { Tx } from '@/lib/db/prisma';
import { evaluateGates, parsePolicy, requiredApprovals, type GateContext, type GateResult, type PolicyStage } from '@/lib/registry';

export interface GateEvaluation {
  results: GateResult[];
  requiredApprovals: number;
  baseline: { id: string; number: number } | null;
}

const metricSelect = { select: { key: true, value: true, evaluationSet: true, slice: true } } as const;

/**
 * Everything gates look at for one version: its metrics, metadata and card, the current Production
 * version's metrics as the baseline, and the model's metric directions. Read in the caller's
 * transaction, sequentially (one transaction is one connection, which runs one query at a time anyway).
 */
export async function loadGateInputs(tx: Tx, args: { modelId: string; versionId: string }): Promise<GateContext & { baselineRef: { id: string; number: number } | null }> {
  const definitions = await tx.metricDefinition.findMany({ where: { modelId: args.modelId }, select: { key: true, direction: true, isPrimary: true } });
  const candidate = await tx.modelVersion.findUniqueOrThrow({
    where: { id: args.versionId },
    select: { artifactDigest: true, trainingDataHash: true, codeCommit: true, modelCard: true, cardOutline: true, modelSizeBytes: true, metrics: metricSelect },
  });
  const baseline = await tx.modelVersion.findFirst({
    where: { modelId: args.modelId, stage: 'production', id: { not: args.versionId } },
    select: { id: true, number: true, metrics: metricSelect },
  });
  return {
    candidate: {
      metrics: candidate.metrics,
      metadata: { artifactDigest: candidate.artifactDigest, trainingDataHash: candidate.trainingDataHash, codeCommit: candidate.codeCommit },
      modelCard: candidate.modelCard,
      cardOutline: candidate.cardOutline,
      modelSizeBytes: candidate.modelSizeBytes,
    },
    baseline: baseline ? { number: baseline.number, metrics: baseline.metrics } : null,
    directions: Object.fromEntries(definitions.map((d) => [d.key, d.direction])),
    primaryMetric: definitions.find((d) => d.isPrimary)?.key ?? null,
    baselineRef: baseline ? { id: baseline.id, number: baseline.number } : null,
  };
}

/** Evaluates the model's policy for `target` against one version, in the caller's transaction. */
export async function evaluateVersionGates(tx: Tx, args: { modelId: string; versionId: string; target: PolicyStage }): Promise<GateEvaluation> {
  const policyRow = await tx.modelPolicy.findUnique({ where: { modelId: args.modelId }, select: { gates: true } });
  const gates = parsePolicy(policyRow?.gates ?? undefined)[args.target];
  const inputs = await loadGateInputs(tx, args);
  return { results: evaluateGates(gates, inputs), requiredApprovals: requiredApprovals(gates), baseline: inputs.baselineRef };
}
