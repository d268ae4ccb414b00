import 'server-only';
import { db } from '@/lib/db/prisma';
import type { Stage } from '@/lib/registry';

export interface LineageNode {
  id: string;
  model: string;
  number: number;
  semver: string;
  stage: Stage;
  /** Generations away from the version in focus: 1 = parent or child, 2 = grandparent or grandchild. */
  depth: number;
}

/** parent → child */
export interface LineageEdge {
  from: string;
  to: string;
}

export interface LineageGraph {
  ancestors: LineageNode[];
  descendants: LineageNode[];
  edges: LineageEdge[];
  /** Whether the family goes on beyond what is shown. */
  moreAncestors: boolean;
  moreDescendants: boolean;
}

/** Generations shown each way; a chain of 10,000 versions would otherwise draw 10,000 nodes. */
export const LINEAGE_DEPTH = 2;
/** Guard against a base model with thousands of fine-tuned children. */
const MAX_EDGES = 200;

interface EdgeRow {
  parent_id: string;
  child_id: string;
  depth: number;
}

interface NodeRow {
  id: string;
  model: string;
  number: number;
  semver: string;
  stage: Stage;
}

/**
 * The versions around one version: parents and grandparents, children and grandchildren, with the edges
 * between them. Walks one generation further than it shows, to know whether there is more.
 */
export async function getLineage(versionId: string): Promise<LineageGraph> {
  const [up, down] = await Promise.all([
    db.$queryRaw<EdgeRow[]>`
      WITH RECURSIVE walk AS (
        SELECT parent_id, child_id, 1 AS depth FROM version_lineage WHERE child_id = ${versionId}
        UNION
        SELECT l.parent_id, l.child_id, w.depth + 1 FROM walk w JOIN version_lineage l ON l.child_id = w.parent_id WHERE w.depth <= ${LINEAGE_DEPTH}
      )
      SELECT parent_id, child_id, min(depth)::int AS depth FROM walk GROUP BY parent_id, child_id ORDER BY depth LIMIT ${MAX_EDGES}`,
    db.$queryRaw<EdgeRow[]>`
      WITH RECURSIVE walk AS (
        SELECT parent_id, child_id, 1 AS depth FROM version_lineage WHERE parent_id = ${versionId}
        UNION
        SELECT l.parent_id, l.child_id, w.depth + 1 FROM walk w JOIN version_lineage l ON l.parent_id = w.child_id WHERE w.depth <= ${LINEAGE_DEPTH}
      )
      SELECT parent_id, child_id, min(depth)::int AS depth FROM walk GROUP BY parent_id, child_id ORDER BY depth LIMIT ${MAX_EDGES}`,
  ]);
  const shownUp = up.filter((e) => e.depth <= LINEAGE_DEPTH);
  const shownDown = down.filter((e) => e.depth <= LINEAGE_DEPTH);
  const depthOf = new Map<string, { depth: number; side: 'up' | 'down' }>();
  for (const e of shownUp) if (!depthOf.has(e.parent_id) && e.parent_id !== versionId) depthOf.set(e.parent_id, { depth: e.depth, side: 'up' });
  for (const e of shownDown) if (!depthOf.has(e.child_id) && e.child_id !== versionId) depthOf.set(e.child_id, { depth: e.depth, side: 'down' });

  const ids = [...depthOf.keys()];
  const nodes = ids.length
    ? await db.$queryRaw<NodeRow[]>`
        SELECT v.id, m.name AS model, v.number, v.semver, v.stage::text AS stage
        FROM model_version v JOIN registered_model m ON m.id = v.model_id
        WHERE v.id = ANY(${ids}::text[])
        ORDER BY m.name, v.number`
    : [];
  const side = (wanted: 'up' | 'down'): LineageNode[] =>
    nodes.flatMap((n) => {
      const place = depthOf.get(n.id);
      return place?.side === wanted ? [{ ...n, depth: place.depth }] : [];
    });
  return {
    ancestors: side('up'),
    descendants: side('down'),
    edges: [...shownUp, ...shownDown].map((e) => ({ from: e.parent_id, to: e.child_id })),
    moreAncestors: up.some((e) => e.depth > LINEAGE_DEPTH),
    moreDescendants: down.some((e) => e.depth > LINEAGE_DEPTH),
  };
}

export interface ImpactVersion {
  model: string;
  number: number;
  semver: string;
  stage: Stage;
  trainingDataSource: string | null;
  /** Null when trained on the source directly; otherwise the parent it inherited the data through. */
  via: { model: string; number: number } | null;
}

export interface ImpactGroup {
  model: string;
  /** Affected versions per stage, all of them (the list below may be cut short). */
  counts: Record<Stage, number>;
  /** Production and Staging first, then newest first; at most IMPACT_ROWS_PER_MODEL. */
  versions: ImpactVersion[];
}

export interface DataSourceImpact {
  source: string;
  version: string | null;
  /** The snapshots of this source that versions were trained on, newest name first. */
  snapshots: { version: string | null; versions: number }[];
  groups: ImpactGroup[];
}

export const IMPACT_ROWS_PER_MODEL = 50;

/** Source identity in SQL: the same rule as splitDataSource (an "@" after the last "/" starts the snapshot). */
const SNAPSHOT_SUFFIX = '@[^/@]+$';
const SNAPSHOT_VERSION = '@([^/@]+)$';

interface ImpactRow {
  model: string;
  number: number;
  semver: string;
  stage: Stage;
  training_data_source: string | null;
  via_model: string | null;
  via_number: number | null;
  counts: Record<Stage, number>;
}

/**
 * "If this data turns out to be bad, what is affected?" Every version trained on the source (or on one
 * snapshot of it), plus every version descending from one of those through lineage — a fine-tune of an
 * affected model inherits the bug — grouped by model, live versions first.
 */
export async function getDataSourceImpact(source: string, version: string | null): Promise<DataSourceImpact> {
  const exact = version === null ? null : `${source}@${version}`;
  const [snapshots, rows] = await Promise.all([
    db.$queryRaw<{ version: string | null; versions: number }[]>`
      SELECT substring(training_data_source from ${SNAPSHOT_VERSION}) AS version, count(*)::int AS versions
      FROM model_version
      WHERE regexp_replace(training_data_source, ${SNAPSHOT_SUFFIX}, '') = ${source}
      GROUP BY 1 ORDER BY 1 DESC NULLS LAST`,
    db.$queryRaw<ImpactRow[]>`
      WITH RECURSIVE direct AS (
        SELECT id FROM model_version
        WHERE regexp_replace(training_data_source, ${SNAPSHOT_SUFFIX}, '') = ${source}
          AND (${exact}::text IS NULL OR training_data_source = ${exact}::text)
      ),
      -- Descendants not already trained on the source themselves; a chain of direct users adds nothing.
      inherited AS (
        SELECT l.child_id AS id, l.parent_id AS via_id, 1 AS depth
        FROM version_lineage l JOIN direct d ON d.id = l.parent_id
        WHERE l.child_id NOT IN (SELECT id FROM direct)
        UNION
        SELECT l.child_id, l.parent_id, i.depth + 1
        FROM inherited i JOIN version_lineage l ON l.parent_id = i.id
        WHERE i.depth < 100 AND l.child_id NOT IN (SELECT id FROM direct)
      ),
      affected AS (
        SELECT id, NULL::text AS via_id FROM direct
        UNION ALL
        SELECT id, via_id FROM (SELECT DISTINCT ON (id) id, via_id FROM inherited ORDER BY id, depth) nearest
      ),
      ranked AS (
        SELECT v.id, m.name AS model, v.number, v.semver, v.stage, v.training_data_source, a.via_id,
          -- Counted over every affected version, before the list is cut short.
          jsonb_build_object(
            'production', count(*) FILTER (WHERE v.stage = 'production') OVER w,
            'staging', count(*) FILTER (WHERE v.stage = 'staging') OVER w,
            'testing', count(*) FILTER (WHERE v.stage = 'testing') OVER w,
            'archived', count(*) FILTER (WHERE v.stage = 'archived') OVER w
          ) AS counts,
          row_number() OVER (
            PARTITION BY m.name
            ORDER BY array_position(ARRAY['production', 'staging', 'testing', 'archived']::"Stage"[], v.stage), v.number DESC
          ) AS position
        FROM affected a JOIN model_version v ON v.id = a.id JOIN registered_model m ON m.id = v.model_id
        WINDOW w AS (PARTITION BY m.name)
      )
      SELECT r.model, r.number, r.semver, r.stage::text AS stage, r.training_data_source,
        pm.name AS via_model, pv.number AS via_number, r.counts
      FROM ranked r
      LEFT JOIN model_version pv ON pv.id = r.via_id
      LEFT JOIN registered_model pm ON pm.id = pv.model_id
      WHERE r.position <= ${IMPACT_ROWS_PER_MODEL} OR r.stage IN ('production', 'staging')
      ORDER BY r.model, r.position`,
  ]);
  return { source, version, snapshots, groups: groupImpact(rows) };
}

const STAGE_RANK: Record<Stage, number> = { production: 0, staging: 1, testing: 2, archived: 3 };

function groupImpact(rows: ImpactRow[]): ImpactGroup[] {
  const groups = new Map<string, ImpactGroup>();
  for (const r of rows) {
    let group = groups.get(r.model);
    if (!group) groups.set(r.model, (group = { model: r.model, counts: r.counts, versions: [] }));
    group.versions.push({
      model: r.model,
      number: r.number,
      semver: r.semver,
      stage: r.stage,
      trainingDataSource: r.training_data_source,
      via: r.via_model !== null && r.via_number !== null ? { model: r.via_model, number: r.via_number } : null,
    });
  }
  // Models with a live affected version first: that is where a data bug hurts now.
  const liveness = (g: ImpactGroup) => STAGE_RANK[g.versions[0]?.stage ?? 'archived'];
  return [...groups.values()].sort((a, b) => liveness(a) - liveness(b) || a.model.localeCompare(b.model));
}

export interface DataSourceSummary {
  source: string;
  versions: number;
  models: number;
  snapshots: number;
  /** Versions on this source in Production right now. */
  inProduction: number;
}

/** Every data source versions were trained on, for the index page. */
export function listDataSources(): Promise<DataSourceSummary[]> {
  return db.$queryRaw<DataSourceSummary[]>`
    SELECT regexp_replace(training_data_source, ${SNAPSHOT_SUFFIX}, '') AS source,
      count(*)::int AS versions,
      count(DISTINCT model_id)::int AS models,
      count(DISTINCT training_data_source)::int AS snapshots,
      count(*) FILTER (WHERE stage = 'production')::int AS "inProduction"
    FROM model_version
    WHERE training_data_source IS NOT NULL
    GROUP BY 1
    ORDER BY "inProduction" DESC, source`;
}
