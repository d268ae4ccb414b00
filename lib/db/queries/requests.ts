import 'server-only';
import { db } from '@/lib/db/prisma';
import { metricDelta, parsePolicy, type GateResult, type MetricDirection, type SeparationFacts } from '@/lib/registry';
import { evaluateVersionGates } from '@/lib/services/internal/gate-context';

export interface MetricComparisonRow {
  key: string;
  direction: MetricDirection;
  candidate: number | null;
  production: number | null;
  better: boolean | null;
}

export interface PendingRequestView {
  id: string;
  /** A Production request, or a canary request for `canaryWeight` % of traffic beside Production. */
  kind: 'production' | 'canary';
  canaryWeight: number | null;
  model: string;
  version: { number: number; semver: string };
  requester: { id: string; name: string };
  /** What the buttons need of the four-eyes rule; the service also counts token creators. */
  separation: SeparationFacts;
  comment: string;
  createdAt: string;
  requiredApprovals: number;
  approvals: { name: string; at: string; comment: string }[];
  production: { number: number; semver: string } | null;
  /** Gates as they stand now (the baseline may have moved since the request). */
  gates: GateResult[];
  comparison: MetricComparisonRow[];
}

/** Pending promotion requests, oldest first, each with live gate results and a comparison vs Production. */
export async function listPendingRequests(options: { modelName?: string } = {}): Promise<PendingRequestView[]> {
  const requests = await db.promotionRequest.findMany({
    where: { status: 'pending', ...(options.modelName ? { model: { name: options.modelName } } : {}) },
    orderBy: { createdAt: 'asc' },
    take: 200,
    include: {
      model: { select: { id: true, name: true, metricDefinitions: { select: { key: true, direction: true, isPrimary: true } }, policy: { select: { gates: true } } } },
      version: { select: { id: true, number: true, semver: true, createdById: true, metrics: { where: { slice: '' }, select: { key: true, value: true } } } },
      requestedBy: { select: { id: true, name: true } },
      decisions: { where: { decision: 'approve' }, include: { approver: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
    },
  });
  return Promise.all(
    requests.map(async (r): Promise<PendingRequestView> => {
      const { evaluation, production } = await db.$transaction(async (tx) => ({
        evaluation: await evaluateVersionGates(tx, { modelId: r.model.id, versionId: r.version.id, target: 'production' }),
        production: await tx.modelVersion.findFirst({
          where: { modelId: r.model.id, stage: 'production' },
          select: { number: true, semver: true, metrics: { where: { slice: '' }, select: { key: true, value: true } } },
        }),
      }));
      const definitions = [...r.model.metricDefinitions].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.key.localeCompare(b.key));
      return {
        id: r.id,
        kind: r.kind,
        canaryWeight: r.canaryWeight,
        model: r.model.name,
        version: { number: r.version.number, semver: r.version.semver },
        requester: r.requestedBy,
        separation: {
          requesterIds: [r.requestedById],
          authorIds: r.version.createdById ? [r.version.createdById] : [],
          authorMayApprove: parsePolicy(r.model.policy?.gates ?? undefined).authorMayApprove === true,
        },
        comment: r.comment,
        createdAt: r.createdAt.toISOString(),
        requiredApprovals: r.requiredApprovals,
        approvals: r.decisions.map((d) => ({ name: d.approver.name, at: d.createdAt.toISOString(), comment: d.comment })),
        production: production ? { number: production.number, semver: production.semver } : null,
        gates: evaluation.results,
        comparison: definitions.map((d) => {
          const candidate = r.version.metrics.find((m) => m.key === d.key)?.value ?? null;
          const base = production?.metrics.find((m) => m.key === d.key)?.value ?? null;
          return { key: d.key, direction: d.direction, candidate, production: base, better: metricDelta(candidate, base, d.direction).better };
        }),
      };
    }),
  );
}
