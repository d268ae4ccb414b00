import type { Tx } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import { evaluateGates, parsePolicy, RegistryError, requiredApprovals, type GateContext, type GateResult, type PolicyStage } from '@/lib/registry';

export interface GateEvaluation {
  results: GateResult[];
  requiredApprovals: number;
  baseline: { id: string; number: number } | null;
}

type MetricRow = { key: string; value: number; evaluationSet: string; slice: string };

interface GateRow {
  gates: unknown;
  definitions: { key: string; direction: 'higher' | 'lower'; isPrimary: boolean }[] | null;
  candidate: { artifactDigest: string | null; trainingDataHash: string | null; codeCommit: string | null; modelCard: string; cardOutline: unknown; modelSizeBytes: number | null; metrics: MetricRow[] | null } | null;
  baseline: { id: string; number: number; metrics: MetricRow[] | null } | null;
}

const metricsOf = (version: string) => Prisma.raw(`(SELECT json_agg(json_build_object('key', m."key", 'value', m."value", 'evaluationSet', m."evaluation_set", 'slice', m."slice") ORDER BY m."evaluation_set", m."key", m."slice")
      FROM "metric" m WHERE m."version_id" = ${version}."id")`);

/**
 * The model's policy and everything gates look at for one version — its metrics, metadata and card, the current
 * Production version's metrics as the baseline, the model's metric directions — in one statement.
 */
async function readGateRow(tx: Tx, args: { modelId: string; versionId: string }): Promise<GateRow> {
  const [row] = await tx.$queryRaw<GateRow[]>`
    SELECT
      (SELECT p."gates" FROM "model_policy" p WHERE p."model_id" = ${args.modelId}) AS "gates",
      (SELECT json_agg(json_build_object('key', d."key", 'direction', d."direction", 'isPrimary', d."is_primary") ORDER BY d."id")
         FROM "metric_definition" d WHERE d."model_id" = ${args.modelId}) AS "definitions",
      (SELECT json_build_object('artifactDigest', c."artifact_digest", 'trainingDataHash', c."training_data_hash", 'codeCommit', c."code_commit",
          'modelCard', c."model_card", 'cardOutline', c."card_outline", 'modelSizeBytes', c."model_size_bytes", 'metrics', ${metricsOf('c')})
         FROM "model_version" c WHERE c."id" = ${args.versionId}) AS "candidate",
      (SELECT json_build_object('id', b."id", 'number', b."number", 'metrics', ${metricsOf('b')})
         FROM "model_version" b WHERE b."model_id" = ${args.modelId} AND b."stage" = 'production' AND b."id" <> ${args.versionId} LIMIT 1) AS "baseline"`;
  if (!row?.candidate) throw new RegistryError('NOT_FOUND', 'No such version.');
  return row;
}

function toInputs(row: GateRow): GateContext & { baselineRef: { id: string; number: number } | null } {
  const candidate = row.candidate!;
  const definitions = row.definitions ?? [];
  return {
    candidate: {
      metrics: candidate.metrics ?? [],
      metadata: { artifactDigest: candidate.artifactDigest, trainingDataHash: candidate.trainingDataHash, codeCommit: candidate.codeCommit },
      modelCard: candidate.modelCard,
      cardOutline: candidate.cardOutline as GateContext['candidate']['cardOutline'],
      modelSizeBytes: candidate.modelSizeBytes,
    },
    baseline: row.baseline ? { number: row.baseline.number, metrics: row.baseline.metrics ?? [] } : null,
    directions: Object.fromEntries(definitions.map((d) => [d.key, d.direction])),
    primaryMetric: definitions.find((d) => d.isPrimary)?.key ?? null,
    baselineRef: row.baseline ? { id: row.baseline.id, number: row.baseline.number } : null,
  };
}

/**
 * Everything gates look at for one version: its metrics, metadata and card, the current Production
 * version's metrics as the baseline, and the model's metric directions, in the caller's transaction.
 */
export async function loadGateInputs(tx: Tx, args: { modelId: string; versionId: string }): Promise<GateContext & { baselineRef: { id: string; number: number } | null }> {
  return toInputs(await readGateRow(tx, args));
}

/** Evaluates the model's policy for `target` against one version, in the caller's transaction (one statement). */
export async function evaluateVersionGates(tx: Tx, args: { modelId: string; versionId: string; target: PolicyStage }): Promise<GateEvaluation> {
  const row = await readGateRow(tx, args);
  const gates = parsePolicy((row.gates ?? undefined) as Parameters<typeof parsePolicy>[0])[args.target];
  const inputs = toInputs(row);
  return { results: evaluateGates(gates, inputs), requiredApprovals: requiredApprovals(gates), baseline: inputs.baselineRef };
}
