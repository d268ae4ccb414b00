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
  evaluation_set: string;
  /** Every evaluation set of the metric with its version count; the same on each row. */
  sets: { name: string; versions: number }[];
}

interface BandRow {
  version_number: number;
  started_at: Date;
  ended_at: Date | null;
  from_number: number | null;
  to_number: number | null;
}

/**
 * The metric across every version of a model, in order of registration, with its Production periods.
 * Two queries, run together; nothing but the drawn points leaves the database. Null when the model does
 * not exist.
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

  const [points, bands] = await Promise.all([trendPoints(model.id, metric.key, evaluationSet ?? null), productionBands(model.id)]);
  const first = points[0];
  if (!first) return empty;
  // Every version that served Production is among the points, so each band's value is read from them.
  const valueOf = new Map(points.map((p) => [p.number, p.value]));
  return {
    metric,
    metrics,
    evaluationSet: first.evaluation_set,
    evaluationSets: first.sets,
    total: first.total,
    sampled: first.total > TREND_MAX_POINTS,
    points: points.map((p) => ({ number: p.number, semver: p.semver, stage: p.stage, value: p.value, createdAt: p.created_at.toISOString(), served: p.served })),
    periods: bands.map((b) => ({
      versionNumber: b.version_number,
      startedAt: b.started_at.toISOString(),
      endedAt: b.ended_at?.toISOString() ?? null,
      fromNumber: b.from_number,
      toNumber: b.to_number,
      value: valueOf.get(b.version_number) ?? null,
    })),
  };
}

/*
 * Up to TREND_MAX_POINTS versions: every one when there are fewer, else M4 aggregation (Jugel et al., VLDB
 * 2014): the version axis is cut into BUCKETS equal ranges and each keeps its first, last, lowest and
 * highest version. A line through those four per bucket draws the same shape as the full series at chart
 * resolution — a one-version regression spike is never averaged away — and every point is a real version
 * the user can open. Versions that ever served Production, and those in Staging or Production now, are
 * always kept: they are what the chart is read for.
 *
 * Cost: one index probe per version of this model (the LATERAL … OFFSET 0 keeps Postgres from swapping it
 * for a scan of every model's metrics), then one hash aggregate; min/max over ARRAY[value, number] picks
 * the lowest and highest version of a bucket without sorting. The evaluation set is chosen in the same
 * statement: the one asked for if it exists, else the one most versions were measured on.
 */
function trendPoints(modelId: string, key: string, evaluationSet: string | null): Promise<PointRow[]> {
  return db.$queryRaw<PointRow[]>`
    WITH candidates AS (
      SELECT v.id, v.number, v.semver, v.stage, v.created_at, m.value, m.evaluation_set
      FROM model_version v
      CROSS JOIN LATERAL (
        SELECT value, evaluation_set FROM metric WHERE version_id = v.id AND key = ${key} AND slice = '' OFFSET 0
      ) m
      WHERE v.model_id = ${modelId}
    ),
    sets AS (SELECT evaluation_set AS name, count(*)::int AS versions FROM candidates GROUP BY evaluation_set),
    chosen AS (SELECT name FROM sets ORDER BY name = ${evaluationSet}::text DESC NULLS LAST, versions DESC, name LIMIT 1),
    points AS (SELECT c.* FROM candidates c JOIN chosen ON c.evaluation_set = chosen.name),
    span AS (SELECT count(*)::int AS total, min(number) AS low, max(number) AS high FROM points),
    picks AS (
      SELECT min(p.number) AS first_n, max(p.number) AS last_n,
        (min(ARRAY[p.value, p.number]))[2]::int AS lowest_n, (max(ARRAY[p.value, -p.number]))[2]::int AS highest_n
      FROM points p CROSS JOIN span s
      GROUP BY width_bucket(p.number, s.low, s.high + 1, ${BUCKETS}::int)
    ),
    kept AS (SELECT first_n AS number FROM picks UNION SELECT last_n FROM picks UNION SELECT lowest_n FROM picks UNION SELECT -highest_n FROM picks),
    served AS (SELECT DISTINCT version_id FROM production_period WHERE model_id = ${modelId})
    SELECT p.number, p.semver, p.stage::text AS stage, p.value, p.created_at, (sv.version_id IS NOT NULL) AS served,
      s.total, p.evaluation_set, (SELECT json_agg(sets ORDER BY versions DESC, name) FROM sets) AS sets
    FROM points p
    CROSS JOIN span s
    LEFT JOIN served sv ON sv.version_id = p.id
    WHERE s.total <= ${TREND_MAX_POINTS}
       OR p.number IN (SELECT number FROM kept)
       OR sv.version_id IS NOT NULL
       OR p.stage IN ('staging', 'production')
    ORDER BY p.number`;
}

/*
 * Production periods are times; the chart's axis is version numbers. One pass over the model's versions
 * and the periods' start and end instants, sorted by time, carries the newest version number seen so far
 * (a running max), which is where each instant falls on the axis. No per-period scan of the versions.
 */
function productionBands(modelId: string): Promise<BandRow[]> {
  return db.$queryRaw<BandRow[]>`
    WITH marks AS (
      -- At one instant: a period ends, the next starts, then versions registered then count as during it.
      SELECT coalesce(ended_at, now()) AS at, 0 AS kind, NULL::int AS number, id AS period_id FROM production_period WHERE model_id = ${modelId}
      UNION ALL
      SELECT started_at, 1, NULL, id FROM production_period WHERE model_id = ${modelId}
      UNION ALL
      SELECT created_at, 2, number, NULL FROM model_version WHERE model_id = ${modelId}
    ),
    placed AS (
      SELECT period_id, kind, max(number) OVER (ORDER BY at, kind ROWS UNBOUNDED PRECEDING) AS latest FROM marks
    ),
    bounds AS (
      SELECT period_id, max(latest) FILTER (WHERE kind = 1) AS from_number, max(latest) FILTER (WHERE kind = 0) AS to_number
      FROM placed WHERE period_id IS NOT NULL GROUP BY period_id
    )
    SELECT v.number AS version_number, p.started_at, p.ended_at, b.from_number, b.to_number
    FROM production_period p
    JOIN model_version v ON v.id = p.version_id
    JOIN bounds b ON b.period_id = p.id
    WHERE p.model_id = ${modelId}
    ORDER BY p.started_at`;
}
