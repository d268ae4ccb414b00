import type { Tx } from '@/lib/db/prisma';
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

/**
 * The model's policy and everything gates look at for one version — its metrics, metadata and card, the current
 * Production version's metrics as the baseline, the model's metric directions — in one statement
 * (`modelgate_gate_inputs`, migration 20261201173000_production_change_round_trips).
 */
async function readGateRow(tx: Tx, args: { modelId: string; versionId: string }): Promise<GateRow> {
  const [row] = await tx.$queryRaw<{ inputs: GateRow }[]>`SELECT "modelgate_gate_inputs"(${args.modelId}, ${args.versionId}) AS "inputs"`;
  return checkedRow(row?.inputs);
}

function checkedRow(row: GateRow | undefined): GateRow {
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
  return evaluateRow(await readGateRow(tx, args), args.target);
}

/**
 * Takes the model's row lock (`lockModel`), then evaluates the gates on what is committed after it, and with
 * `sinceRequest` counts the Production periods that began after that request was made — one round trip
 * (`modelgate_lock_model_for_gates`). For the approval that completes a request.
 */
export async function lockModelAndEvaluateGates(
  tx: Tx,
  args: { modelId: string; versionId: string; target: PolicyStage; sinceRequest?: string },
): Promise<{ evaluation: GateEvaluation; productionChangesSince: number | null }> {
  const [row] = await tx.$queryRaw<{ locked: { inputs: GateRow; productionChanges: number | null } }[]>`
    SELECT "modelgate_lock_model_for_gates"(${args.modelId}, ${args.versionId}, ${args.sinceRequest ?? null}::text) AS "locked"`;
  return { evaluation: evaluateRow(checkedRow(row?.locked.inputs), args.target), productionChangesSince: row?.locked.productionChanges ?? null };
}

function evaluateRow(row: GateRow, target: PolicyStage): GateEvaluation {
  const gates = parsePolicy((row.gates ?? undefined) as Parameters<typeof parsePolicy>[0])[target];
  const inputs = toInputs(row);
  return { results: evaluateGates(gates, inputs), requiredApprovals: requiredApprovals(gates), baseline: inputs.baselineRef };
}
