import 'server-only';
import { db } from '@/lib/db/prisma';
import { BOARD_STAGES, parsePolicy, type MetricDirection, type SeparationFacts, type Stage } from '@/lib/registry';
import { currentSplit, type SplitView } from './traffic';
import { listRedirects } from './model-names';
import { findRollbackTarget } from './rollback-target';

export interface VersionCardData {
  id: string;
  number: number;
  semver: string;
  stage: Stage;
  dataVersion: string;
  author: string | null;
  createdAt: string;
  stageChangedAt: string;
  tags: { key: string; value: string }[];
  aliases: string[];
  primaryMetric: number | null;
  /** The open promotion request for this version, if any: for Production, or (canary) for a share of traffic. */
  pendingRequest: {
    id: string;
    kind: 'production' | 'canary';
    canaryWeight: number | null;
    requesterId: string;
    requester: string;
    requiredApprovals: number;
    approverIds: string[];
    separation: SeparationFacts;
  } | null;
  /** The share of traffic approvers gave this Staging version beside Production, if any. */
  canary: { weight: number; approvedWeight: number } | null;
}

export interface StagePage {
  versions: VersionCardData[];
  /** Number to pass as `before` for the next page, or null at the end. */
  nextBefore: number | null;
}

export interface BoardData {
  model: { id: string; name: string; description: string; tags: string[]; owner: string; lastStable: { number: number; semver: string } | null };
  primaryMetric: { key: string; direction: MetricDirection } | null;
  counts: Record<Stage, number>;
  production: VersionCardData | null;
  columns: Record<(typeof BOARD_STAGES)[number], StagePage>;
  /** The live traffic split with who approved each canary share, when Production shares traffic (or has paused canaries). */
  traffic: Pick<SplitView, 'routes' | 'canaries'> | null;
  /** Former names that still resolve to this model after a rename, until someone removes them. */
  redirects: { oldName: string; createdAt: string }[];
}

export const BOARD_PAGE_SIZE = 20;

const cardSelect = {
  id: true,
  number: true,
  semver: true,
  stage: true,
  dataVersion: true,
  createdAt: true,
  stageChangedAt: true,
  createdById: true,
  createdBy: { select: { name: true } },
  tags: { select: { key: true, value: true }, orderBy: { key: 'asc' } },
  aliases: { select: { alias: true }, orderBy: { alias: 'asc' } },
  requests: {
    where: { status: 'pending' },
    select: {
      id: true,
      kind: true,
      canaryWeight: true,
      requestedById: true,
      requestedBy: { select: { name: true } },
      requiredApprovals: true,
      decisions: { select: { approverId: true } },
      model: { select: { policy: { select: { gates: true } } } },
    },
    take: 1,
  },
  canaryShare: { select: { weight: true, approvedWeight: true } },
} as const;

/**
 * One page of a stage column, newest first, by keyset on (model_id, stage, number) — the index makes a
 * model with 10,000 versions open as fast as one with 10.
 */
export async function getStagePage(modelId: string, stage: Stage, primaryKey: string | null, before?: number, limit = BOARD_PAGE_SIZE): Promise<StagePage> {
  const rows = await db.modelVersion.findMany({
    where: { modelId, stage, ...(before ? { number: { lt: before } } : {}) },
    orderBy: { number: 'desc' },
    take: limit + 1,
    select: {
      ...cardSelect,
      metrics: primaryKey ? { where: { key: primaryKey, slice: '' }, select: { value: true }, take: 1 } : false,
    },
  });
  const page = rows.slice(0, limit);
  return {
    versions: page.map((v) => ({
      id: v.id,
      number: v.number,
      semver: v.semver,
      stage: v.stage,
      dataVersion: v.dataVersion,
      author: v.createdBy?.name ?? null,
      createdAt: v.createdAt.toISOString(),
      stageChangedAt: v.stageChangedAt.toISOString(),
      tags: v.tags,
      aliases: v.aliases.map((a) => a.alias),
      primaryMetric: (v.metrics as { value: number }[] | undefined)?.[0]?.value ?? null,
      pendingRequest: v.requests[0]
        ? {
            id: v.requests[0].id,
            kind: v.requests[0].kind,
            canaryWeight: v.requests[0].canaryWeight,
            requesterId: v.requests[0].requestedById,
            requester: v.requests[0].requestedBy.name,
            requiredApprovals: v.requests[0].requiredApprovals,
            approverIds: v.requests[0].decisions.map((d) => d.approverId),
            // What the buttons need of the four-eyes rule; the service also counts token creators.
            separation: {
              requesterIds: [v.requests[0].requestedById],
              authorIds: v.createdById ? [v.createdById] : [],
              authorMayApprove: parsePolicy(v.requests[0].model.policy?.gates ?? undefined).authorMayApprove === true,
            },
          }
        : null,
      canary: v.canaryShare,
    })),
    nextBefore: rows.length > limit ? (page[page.length - 1]?.number ?? null) : null,
  };
}

export async function getBoard(name: string): Promise<BoardData | null> {
  const model = await db.registeredModel.findUnique({
    where: { name },
    include: {
      owner: { select: { name: true } },
      metricDefinitions: { where: { isPrimary: true }, select: { key: true, direction: true } },
      // Kept by a trigger, so a model with 100,000 versions costs no more to open than one with ten.
      stageCounts: { select: { stage: true, versions: true } },
    },
  });
  if (!model) return null;
  const primary = model.metricDefinitions[0] ?? null;
  const page = (stage: (typeof BOARD_STAGES)[number]) => getStagePage(model.id, stage, primary?.key ?? null);
  // The dialog promises the version the rollback service will pick: the same rule on the same periods (the
  // Production version is not archived, so the rule never picks it; the service names it to exclude it too).
  const [testing, staging, production, split, redirects, rollbackTo] = await Promise.all([
    page('testing'), page('staging'), page('production'), currentSplit(name), listRedirects(model.id), findRollbackTarget(db, model.id, []),
  ]);
  const stageCounts: Record<Stage, number> = { testing: 0, staging: 0, production: 0, archived: 0 };
  for (const c of model.stageCounts) stageCounts[c.stage] = c.versions;
  return {
    model: {
      id: model.id,
      name: model.name,
      description: model.description,
      tags: model.tags,
      owner: model.owner.name,
      lastStable: rollbackTo ? { number: rollbackTo.number, semver: rollbackTo.semver } : null,
    },
    primaryMetric: primary,
    counts: stageCounts,
    production: production.versions[0] ?? null,
    columns: { testing, staging, production },
    traffic: split.canaries.length > 0 ? { routes: split.routes, canaries: split.canaries } : null,
    redirects,
  };
}
