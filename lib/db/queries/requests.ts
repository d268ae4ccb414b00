import 'server-only';
import { db } from '@/lib/db/prisma';
import { mapBounded } from '@/lib/db/bounded';
import type { Prisma } from '@/lib/generated/prisma/client';
import { metricDelta, parsePolicy, RegistryError, type GateResult, type MetricDirection, type SeparationFacts } from '@/lib/registry';
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

export interface PendingRequestsQuery {
  modelName?: string;
  /** Only these models' requests (a token restricted to one model); null or absent: every model. */
  models?: readonly string[] | null;
  /** The id of the last request of the previous page. */
  cursor?: string;
  limit?: number;
}

/** Each request's live gates cost a transaction; at most this many run at once, whatever the page size. */
export const GATE_EVALUATION_CONCURRENCY = 2;
export const MAX_PENDING_PAGE = 100;

const requestInclude = {
  model: { select: { id: true, name: true, metricDefinitions: { select: { key: true, direction: true, isPrimary: true } }, policy: { select: { gates: true } } } },
  version: { select: { id: true, number: true, semver: true, createdById: true, metrics: { where: { slice: '' }, select: { key: true, value: true } } } },
  requestedBy: { select: { id: true, name: true } },
  decisions: { where: { decision: 'approve' }, include: { approver: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.PromotionRequestInclude;
type RequestRow = Prisma.PromotionRequestGetPayload<{ include: typeof requestInclude }>;

/**
 * Pending promotion requests, oldest first, one page at a time (keyset on createdAt, id), each with live
 * gate results and a comparison vs Production. The gates are evaluated a few at a time, so one inbox
 * never holds more than GATE_EVALUATION_CONCURRENCY of the pool's connections.
 */
export async function listPendingRequests(options: PendingRequestsQuery = {}): Promise<{ requests: PendingRequestView[]; nextCursor: string | null }> {
  const limit = Math.min(options.limit ?? 50, MAX_PENDING_PAGE);
  const names = options.models ? options.models.filter((m) => !options.modelName || m === options.modelName) : options.modelName ? [options.modelName] : null;
  const after = options.cursor ? await db.promotionRequest.findUnique({ where: { id: options.cursor }, select: { id: true, createdAt: true } }) : null;
  if (options.cursor && !after) throw new RegistryError('INVALID_ARGUMENT', 'Unknown cursor: pass nextCursor from the previous page.');
  const rows = await db.promotionRequest.findMany({
    where: {
      status: 'pending',
      ...(names ? { model: { name: { in: names } } } : {}),
      ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
    include: requestInclude,
  });
  const page = rows.slice(0, limit);
  const requests = await mapBounded(page, GATE_EVALUATION_CONCURRENCY, pendingRequestView);
  return { requests, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/** The model a promotion request belongs to, for the route contracts that scope by it. */
export async function modelOfRequest(id: string): Promise<string> {
  const request = await db.promotionRequest.findUnique({ where: { id }, select: { model: { select: { name: true } } } });
  if (!request) throw new RegistryError('NOT_FOUND', 'No such promotion request.');
  return request.model.name;
}

async function pendingRequestView(r: RequestRow): Promise<PendingRequestView> {
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
}
