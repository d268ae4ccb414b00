import 'server-only';
import { db } from '@/lib/db/prisma';
import type { MetricInfo } from '@/lib/registry/compare';
import type { Stage } from '@/lib/registry';

export interface TrendPoint {
  number: number;
  semver: string;
  stage: Stage;
  value: number;
  createdAt: string;
  /** Held Production at some point (from production_period). */
  served: boolean;
}

/**
 * One Production period placed on the version axis: while v`versionNumber` served, versions
 * `fromNumber`…`toNumber` were registered (the newest version existing when it started and when it ended).
 */
export interface ProductionBand {
  versionNumber: number;
  startedAt: string;
  endedAt: string | null;
  fromNumber: number | null;
  toNumber: number | null;
  /** The serving version's value of the metric: the bar every version in the band had to beat. */
  value: number | null;
}

export interface TrendData {
  metric: MetricInfo | null;
  metrics: MetricInfo[];
  evaluationSet: string | null;
  evaluationSets: { name: string; versions: number }[];
  /** Versions that have the metric on this evaluation set (the whole set, not a slice). */
  total: number;
  sampled: boolean;
  points: TrendPoint[];
  periods: ProductionBand[];
}

/** Above this many versions the line is sampled; below it every version is a point. */
export const TREND_MAX_POINTS = 500;
/** M4 keeps up to four versions per bucket, so this many buckets stay within TREND_MAX_POINTS. */
const BUCKETS = TREND_MAX_POINTS / 4;

interface PointRow {
  number: number;
  semver: string;
  stage: Stage;
  value: number;
  created_at: Date;
  served: boolean;
  total: number;
}

interface BandRow {
  version_number: number;
  started_at: Date;
  ended_at: Date | null;
  from_number: number | null;
  to_number: number | null;
  value: number | null;
}

/**
 * The metric across every version of a model, in order of registration, with its Production periods.
 * Null when the model does not exist.
 */
export async function getTrend(modelName: string, metricKey?: string, evaluationSet?: string): Promise<TrendData | null> {
  const model = await db.registeredModel.findUnique({
    where: { name: modelName },
    select: { id: true, metricDefinitions: { select: { key: true, direction: true, isPrimary: true }, orderBy: { key: 'asc' } } },
  });
  if (!model) return null;
  const metrics = model.metricDefinitions;
  const metric = (metricKey ? metrics.find((m) => m.key === metricKey) : (metrics.find((m) => m.isPrimary) ?? metrics[0])) ?? null;
  const empty: TrendData = { metric, metrics, evaluationSet: null, evaluationSets: [], total: 0, sampled: false, points: [], periods: [] };
  if (!metric) return empty;

  // Which evaluation sets measured this metric, most used first: that one is the default line.
  const sets = await db.$queryRaw<{ name: string; versions: number }[]>`
    SELECT m.evaluation_set AS name, count(*)::int AS versions
    FROM metric m JOIN model_version v ON v.id = m.version_id
    WHERE v.model_id = ${model.id} AND m.key = ${metric.key} AND m.slice = ''
    GROUP BY m.evaluation_set
    ORDER BY versions DESC, name`;
  const set = evaluationSet && sets.some((s) => s.name === evaluationSet) ? evaluationSet : sets[0]?.name;
  if (!set) return { ...empty, evaluationSets: sets };

  const [points, periods] = await Promise.all([trendPoints(model.id, metric.key, set), productionBands(model.id, metric.key, set)]);
  const total = points[0]?.total ?? 0;
  return {
    metric,
    metrics,
    evaluationSet: set,
    evaluationSets: sets,
    total,
    sampled: total > TREND_MAX_POINTS,
    points: points.map((p) => ({ number: p.number, semver: p.semver, stage: p.stage, value: p.value, createdAt: p.created_at.toISOString(), served: p.served })),
    periods: periods.map((p) => ({
      versionNumber: p.version_number,
      startedAt: p.started_at.toISOString(),
      endedAt: p.ended_at?.toISOString() ?? null,
      fromNumber: p.from_number,
      toNumber: p.to_number,
      value: p.value,
    })),
  };
}

/*
 * Up to TREND_MAX_POINTS versions, every one of them when there are fewer. Beyond that the versions are cut
 * into BUCKETS equal runs by number (ntile) and each run keeps its first, last, lowest and highest version
 * — M4 aggregation (Jugel et al., VLDB 2014): a line through those four per bucket draws the same shape
 * as the full series at chart resolution, so a one-version regression spike is never averaged away, and
 * every point is a real version the user can open. Versions that ever served Production, and those in
 * Staging or Production now, are always kept: they are what the chart is read for. Nothing but these
 * rows leaves the database.
 */
function trendPoints(modelId: string, key: string, evaluationSet: string): Promise<PointRow[]> {
  return db.$queryRaw<PointRow[]>`
    WITH points AS (
      SELECT v.id, v.number, v.semver, v.stage, m.value
      FROM model_version v
      JOIN metric m ON m.version_id = v.id AND m.key = ${key} AND m.evaluation_set = ${evaluationSet} AND m.slice = ''
      WHERE v.model_id = ${modelId}
    ),
    served AS (SELECT DISTINCT version_id FROM production_period WHERE model_id = ${modelId}),
    bucketed AS (
      SELECT p.*, count(*) OVER () AS total, ntile(${BUCKETS}::int) OVER (ORDER BY p.number) AS bucket FROM points p
    ),
    ranked AS (
      SELECT b.*,
        row_number() OVER (PARTITION BY bucket ORDER BY number) AS first_in_bucket,
        row_number() OVER (PARTITION BY bucket ORDER BY number DESC) AS last_in_bucket,
        row_number() OVER (PARTITION BY bucket ORDER BY value, number) AS lowest_in_bucket,
        row_number() OVER (PARTITION BY bucket ORDER BY value DESC, number) AS highest_in_bucket
      FROM bucketed b
    )
    SELECT r.number, r.semver, r.stage::text AS stage, r.value, v.created_at, (s.version_id IS NOT NULL) AS served, r.total::int AS total
    FROM ranked r
    JOIN model_version v ON v.id = r.id
    LEFT JOIN served s ON s.version_id = r.id
    WHERE r.total <= ${TREND_MAX_POINTS}
       OR 1 IN (r.first_in_bucket, r.last_in_bucket, r.lowest_in_bucket, r.highest_in_bucket)
       OR s.version_id IS NOT NULL
       OR r.stage IN ('staging', 'production')
    ORDER BY r.number`;
}

/*
 * Production periods are times; the chart's axis is version numbers. One pass over the model's versions
 * and the periods' start and end instants, sorted by time, carries the newest version number seen so far
 * (a running max), which is where each instant falls on the axis. No per-period scan of the versions.
 */
function productionBands(modelId: string, key: string, evaluationSet: string): Promise<BandRow[]> {
  return db.$queryRaw<BandRow[]>`
    WITH marks AS (
      SELECT created_at AS at, 0 AS kind, number, NULL::text AS period_id FROM model_version WHERE model_id = ${modelId}
      UNION ALL
      SELECT started_at, 1, NULL, id FROM production_period WHERE model_id = ${modelId}
      UNION ALL
      SELECT coalesce(ended_at, now()), 2, NULL, id FROM production_period WHERE model_id = ${modelId}
    ),
    placed AS (
      SELECT period_id, kind, max(number) OVER (ORDER BY at, kind ROWS UNBOUNDED PRECEDING) AS latest FROM marks
    ),
    bounds AS (
      SELECT period_id, max(latest) FILTER (WHERE kind = 1) AS from_number, max(latest) FILTER (WHERE kind = 2) AS to_number
      FROM placed WHERE period_id IS NOT NULL GROUP BY period_id
    )
    SELECT v.number AS version_number, p.started_at, p.ended_at, b.from_number, b.to_number, m.value
    FROM production_period p
    JOIN model_version v ON v.id = p.version_id
    JOIN bounds b ON b.period_id = p.id
    LEFT JOIN metric m ON m.version_id = p.version_id AND m.key = ${key} AND m.evaluation_set = ${evaluationSet} AND m.slice = ''
    WHERE p.model_id = ${modelId}
    ORDER BY p.started_at`;
}
