import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import { BOARD_STAGES, parsePolicy, rollbackTarget, type MetricDirection, type SeparationFacts, type Stage } from '@/lib/registry';
import { ROLLBACK_LOOKBACK } from './rollback-target';
import { currentSplit, type SplitView } from './traffic';

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
/**
 * Cards per column when the board opens: a screenful and then some. Each card is ~2.5 KB of markup and a
 * share of the render, so the first answer stays small; "Load more" fetches older ones 20 at a time.
 */
export const BOARD_FIRST_PAGE = 10;

/** A card's row as the board's one statement returns it. */
interface CardRow {
  pageStage: Stage;
  id: string;
  number: number;
  semver: string;
  stage: Stage;
  dataVersion: string;
  author: string | null;
  createdById: string | null;
  createdAt: Date;
  stageChangedAt: Date;
  tags: { key: string; value: string }[];
  aliases: string[];
  primaryMetric: number | null;
  pending: {
    id: string;
    kind: 'production' | 'canary';
    canaryWeight: number | null;
    requesterId: string;
    requester: string;
    requiredApprovals: number;
    approverIds: string[];
    gates: unknown;
  } | null;
  canary: { weight: number; approvedWeight: number } | null;
}

/**
 * The newest `limit + 1` cards of each stage, with everything a card shows, in one statement: a keyset
 * scan of (model_id, stage, number) per stage (so a model with 100,000 versions opens as fast as one with
 * ten), the card's tags, aliases, primary metric, open request and canary share as subqueries over their
 * keys. `model` selects the model's id and primary metric key, so a caller that knows only the name
 * needs no round trip before this one.
 */
function cardRows(model: Prisma.Sql, stages: readonly Stage[], before: number | undefined, limit: number): Promise<CardRow[]> {
  const older = before ? Prisma.sql`AND v."number" < ${before}` : Prisma.empty;
  return db.$queryRaw<CardRow[]>`
    WITH m AS (${model})
    SELECT s."stage" AS "pageStage", c.*
    FROM m CROSS JOIN unnest(${[...stages]}::"Stage"[]) AS s("stage")
    CROSS JOIN LATERAL (
      SELECT v."id", v."number", v."semver", v."stage", v."data_version" AS "dataVersion", u."name" AS "author",
        v."created_by_id" AS "createdById", v."created_at" AS "createdAt", v."stage_changed_at" AS "stageChangedAt",
        COALESCE((SELECT json_agg(json_build_object('key', t."key", 'value', t."value") ORDER BY t."key") FROM "version_tag" t WHERE t."version_id" = v."id"), '[]'::json) AS "tags",
        COALESCE((SELECT json_agg(a."alias" ORDER BY a."alias") FROM "model_alias" a WHERE a."model_id" = v."model_id" AND a."version_id" = v."id"), '[]'::json) AS "aliases",
        (SELECT mt."value" FROM "metric" mt WHERE mt."version_id" = v."id" AND mt."key" = m."primary_key" AND mt."slice" = '' ORDER BY mt."id" LIMIT 1) AS "primaryMetric",
        (SELECT json_build_object('id', r."id", 'kind', r."kind", 'canaryWeight', r."canary_weight", 'requesterId', r."requested_by_id",
            'requester', ru."name", 'requiredApprovals', r."required_approvals",
            'approverIds', COALESCE((SELECT json_agg(ap."approver_id") FROM "approval" ap WHERE ap."request_id" = r."id"), '[]'::json),
            'gates', mp."gates")
          FROM "promotion_request" r JOIN "app_user" ru ON ru."id" = r."requested_by_id" LEFT JOIN "model_policy" mp ON mp."model_id" = r."model_id"
          WHERE r."model_id" = v."model_id" AND r."status" = 'pending' AND r."version_id" = v."id" ORDER BY r."id" LIMIT 1) AS "pending",
        (SELECT json_build_object('weight', cs."weight", 'approvedWeight', cs."approved_weight") FROM "canary_share" cs WHERE cs."version_id" = v."id") AS "canary"
      FROM "model_version" v LEFT JOIN "app_user" u ON u."id" = v."created_by_id"
      WHERE v."model_id" = m."id" AND v."stage" = s."stage" ${older}
      ORDER BY v."number" DESC
      LIMIT ${limit + 1}
    ) c`;
}

function toCard(v: CardRow): VersionCardData {
  const request = v.pending;
  return {
    id: v.id,
    number: v.number,
    semver: v.semver,
    stage: v.stage,
    dataVersion: v.dataVersion,
    author: v.author,
    createdAt: v.createdAt.toISOString(),
    stageChangedAt: v.stageChangedAt.toISOString(),
    tags: v.tags,
    aliases: v.aliases,
    primaryMetric: v.primaryMetric,
    pendingRequest: request
      ? {
          id: request.id,
          kind: request.kind,
          canaryWeight: request.canaryWeight,
          requesterId: request.requesterId,
          requester: request.requester,
          requiredApprovals: request.requiredApprovals,
          approverIds: request.approverIds,
          // What the buttons need of the four-eyes rule; the service also counts token creators.
          separation: {
            requesterIds: [request.requesterId],
            authorIds: v.createdById ? [v.createdById] : [],
            authorMayApprove: parsePolicy(request.gates ?? undefined).authorMayApprove === true,
          },
        }
      : null,
    canary: v.canary,
  };
}

function toPage(rows: CardRow[], limit: number): StagePage {
  const page = rows.slice(0, limit);
  return { versions: page.map(toCard), nextBefore: rows.length > limit ? (page[page.length - 1]?.number ?? null) : null };
}

/** One page of a stage column, newest first, by keyset on (model_id, stage, number). */
export async function getStagePage(modelId: string, stage: Stage, primaryKey: string | null, before?: number, limit = BOARD_PAGE_SIZE): Promise<StagePage> {
  return toPage(await cardRows(Prisma.sql`SELECT ${modelId}::text AS "id", ${primaryKey}::text AS "primary_key"`, [stage], before, limit), limit);
}

interface HeaderRow {
  id: string;
  name: string;
  description: string;
  tags: string[];
  owner: string;
  /** The model's latest Production periods, newest first, with what the rollback rule reads of each holder. */
  periods: { versionId: string; number: number; semver: string; stage: Stage; failed: boolean }[];
  primaryKey: string | null;
  primaryDirection: MetricDirection | null;
  counts: Partial<Record<Stage, number>>;
  redirects: { oldName: string; createdAt: string }[];
  hasCanaries: boolean;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The board's two statements, started together; the header alone says whether the model exists. */
function boardStatements(name: string): { header: Promise<HeaderRow | undefined>; rows: Promise<CardRow[]> } {
  const header = db.$queryRaw<HeaderRow[]>`
      SELECT m."id", m."name", m."description", m."tags", o."name" AS "owner",
        COALESCE((SELECT json_agg(json_build_object('versionId', v."id", 'number', v."number", 'semver', v."semver", 'stage', v."stage",
            'failed', EXISTS (SELECT 1 FROM "version_tag" t WHERE t."version_id" = v."id" AND t."key" = 'failed')) ORDER BY p."started_at" DESC, p."id" DESC)
          FROM (SELECT "id", "version_id", "started_at" FROM "production_period" WHERE "model_id" = m."id" ORDER BY "started_at" DESC, "id" DESC LIMIT ${ROLLBACK_LOOKBACK}) p
          JOIN "model_version" v ON v."id" = p."version_id"), '[]'::json) AS "periods",
        d."key" AS "primaryKey", d."direction"::text AS "primaryDirection",
        COALESCE((SELECT json_object_agg(c."stage", c."versions") FROM "model_stage_count" c WHERE c."model_id" = m."id"), '{}'::json) AS "counts",
        COALESCE((SELECT json_agg(json_build_object('oldName', r."old_name", 'createdAt', to_char(r."created_at", ${Prisma.raw(ISO)})) ORDER BY r."created_at" DESC)
          FROM "model_name_redirect" r WHERE r."model_id" = m."id"), '[]'::json) AS "redirects",
        EXISTS (SELECT 1 FROM "canary_share" s WHERE s."model_id" = m."id") AS "hasCanaries"
      FROM "registered_model" m
      JOIN "app_user" o ON o."id" = m."owner_id"
      LEFT JOIN LATERAL (SELECT "key", "direction" FROM "metric_definition" WHERE "model_id" = m."id" AND "is_primary" ORDER BY "id" LIMIT 1) d ON TRUE
      WHERE m."name" = ${name}`.then((found) => found[0]);
  // Prisma's queries start when awaited: `.then` sends both now, side by side.
  const rows = cardRows(
    Prisma.sql`SELECT r."id", (SELECT d."key" FROM "metric_definition" d WHERE d."model_id" = r."id" AND d."is_primary" ORDER BY d."id" LIMIT 1) AS "primary_key" FROM "registered_model" r WHERE r."name" = ${name}`,
    BOARD_STAGES,
    undefined,
    BOARD_FIRST_PAGE,
  ).then((found) => found);
  return { header, rows };
}

/**
 * The board in two statements that run side by side, both keyed by the name: the model with its owner,
 * latest Production periods (for the rollback target), primary metric, stage counts (kept by a trigger, so 100,000 versions cost no more
 * to count than ten) and former names; and the three columns' cards. The live split is read only when
 * the model has canary shares.
 */
export async function getBoard(name: string): Promise<BoardData | null> {
  return assemble(name, boardStatements(name));
}

async function assemble(name: string, statements: ReturnType<typeof boardStatements>): Promise<BoardData | null> {
  const [model, rows] = await Promise.all([statements.header, statements.rows]);
  if (!model) return null;
  const split = model.hasCanaries ? await currentSplit(name) : null;
  // The dialog promises the version the rollback service will pick: the same rule (lib/registry/rollback.ts)
  // on the same periods findRollbackTarget reads (the Production version is not archived, so never picked).
  const rollbackTo = rollbackTarget(model.periods, []);
  const column = (stage: (typeof BOARD_STAGES)[number]) => toPage(rows.filter((r) => r.pageStage === stage), BOARD_FIRST_PAGE);
  const columns = { testing: column('testing'), staging: column('staging'), production: column('production') };
  return {
    model: {
      id: model.id,
      name: model.name,
      description: model.description,
      tags: model.tags,
      owner: model.owner,
      lastStable: rollbackTo ? { number: rollbackTo.number, semver: rollbackTo.semver } : null,
    },
    primaryMetric: model.primaryKey && model.primaryDirection ? { key: model.primaryKey, direction: model.primaryDirection } : null,
    counts: { testing: 0, staging: 0, production: 0, archived: 0, ...model.counts },
    production: columns.production.versions[0] ?? null,
    columns,
    traffic: split && split.canaries.length > 0 ? { routes: split.routes, canaries: split.canaries } : null,
    redirects: model.redirects,
  };
}

/**
 * The board's statements once per request: the layout starts them and waits for the header only (it says
 * whether the model exists, so no separate lookup), the page awaits the whole board.
 */
const requestStatements = cache(boardStatements);

/** Whether `name` is a model's current name, from the board's own header statement (no extra round trip). */
export const boardModelExists = cache(async (name: string): Promise<boolean> => (await requestStatements(name).header) !== undefined);

/** getBoard once per request, on the statements the layout started. */
export const loadBoard = cache((name: string): Promise<BoardData | null> => assemble(name, requestStatements(name)));
