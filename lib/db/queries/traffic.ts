import 'server-only';
import { db } from '@/lib/db/prisma';
import { RegistryError, servingRoutes, type ShareView } from '@/lib/registry';
import { routeKey, type TrafficRoute } from '@/lib/registry/traffic';
import { byNameOrFormerName } from './model-names';

export interface CanaryView {
  number: number;
  weight: number;
  approvedWeight: number;
  requestId: string;
  requestedBy: string;
  /** Who approved the share, in the order they did. */
  approvedBy: { name: string; at: string }[];
  grantedAt: string;
}

export interface SplitView {
  /** The model's id: keys are hashed with it, so a rename does not move anyone between versions. */
  modelId: string;
  model: string;
  /** Production first with what the canaries leave, then each live canary; [] when nothing is in Production. */
  routes: TrafficRoute[];
  production: number | null;
  canaries: CanaryView[];
}

/**
 * The live split: the Production version and the canary shares approvers granted (the database keeps
 * only shares that still hold). Looked up by name or by a former name, as serving systems do.
 */
export async function currentSplit(name: string): Promise<SplitView> {
  const row = await db.registeredModel.findFirst({
    where: byNameOrFormerName(name),
    select: {
      id: true,
      name: true,
      versions: { where: { stage: 'production' }, select: { number: true } },
      canaryShares: {
        orderBy: { version: { number: 'asc' } },
        select: {
          weight: true,
          approvedWeight: true,
          grantedAt: true,
          version: { select: { number: true } },
          request: {
            select: {
              id: true,
              requestedBy: { select: { name: true } },
              decisions: { where: { decision: 'approve' }, orderBy: { createdAt: 'asc' }, select: { createdAt: true, approver: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  if (!row) throw new RegistryError('NOT_FOUND', `No model named "${name}".`);
  const production = row.versions[0]?.number ?? null;
  const canaries: CanaryView[] = row.canaryShares.map((s) => ({
    number: s.version.number,
    weight: s.weight,
    approvedWeight: s.approvedWeight,
    requestId: s.request.id,
    requestedBy: s.request.requestedBy.name,
    approvedBy: s.request.decisions.map((d) => ({ name: d.approver.name, at: d.createdAt.toISOString() })),
    grantedAt: s.grantedAt.toISOString(),
  }));
  return { modelId: row.id, model: row.name, routes: servingRoutes(production, canaries), production, canaries };
}

/** What a served version hands a serving system: the artifact to load and the digest to check it against. */
export interface ServedVersion {
  semver: string;
  stage: string;
  artifactUri: string;
  artifactDigest: string | null;
}

/** Everything routing needs for one model, key-independent (the serving cache keeps it per model). */
export interface Routing {
  modelId: string;
  model: string;
  routes: TrafficRoute[];
  served: Record<number, ServedVersion>;
}

/**
 * The live split of a model with the artifact of every version in it: one statement (by name or former
 * name). NOT_FOUND for no model; a model with nothing in Production comes back with no routes.
 */
export async function loadRouting(name: string): Promise<Routing> {
  const [row] = await db.$queryRaw<{ id: string; model: string; production: number | null; shares: ShareView[]; served: ({ number: number } & ServedVersion)[] }[]>`
    SELECT m."id", m."name" AS "model",
      (SELECT "number" FROM "model_version" WHERE "model_id" = m."id" AND "stage" = 'production') AS "production",
      COALESCE((SELECT json_agg(json_build_object('number', v."number", 'weight', s."weight", 'approvedWeight', s."approved_weight"))
        FROM "canary_share" s JOIN "model_version" v ON v."id" = s."version_id" WHERE s."model_id" = m."id"), '[]') AS "shares",
      COALESCE((SELECT json_agg(json_build_object('number', v."number", 'semver', v."semver", 'stage', v."stage", 'artifactUri', v."artifact_uri", 'artifactDigest', v."artifact_digest"))
        FROM "model_version" v WHERE v."model_id" = m."id"
          AND (v."stage" = 'production' OR v."id" IN (SELECT "version_id" FROM "canary_share" WHERE "model_id" = m."id"))), '[]') AS "served"
    FROM "registered_model" m
    WHERE m."name" = ${name} OR m."id" = (SELECT "model_id" FROM "model_name_redirect" WHERE "old_name" = ${name})`;
  if (!row) throw new RegistryError('NOT_FOUND', `No model named "${name}".`);
  const served = Object.fromEntries(row.served.map(({ number, ...version }) => [number, version]));
  return { modelId: row.id, model: row.model, routes: servingRoutes(row.production, row.shares), served };
}

/** The version that serves `key` under `routing`, with its artifact and digest (so serving needs one call). */
export function answerRoute(routing: Routing, asked: string, key: string) {
  if (routing.routes.length === 0) throw new RegistryError('NOT_FOUND', `${routing.model} has no version in Production.`);
  const version = routeKey(routing.modelId, key, routing.routes);
  const served = routing.served[version]!;
  return {
    model: routing.model,
    key,
    version,
    semver: served.semver,
    stage: served.stage,
    artifactUri: served.artifactUri,
    artifactDigest: served.artifactDigest,
    split: routing.routes,
    ...(routing.model !== asked ? { redirectedFrom: asked } : {}),
  };
}

/**
 * The version that serves `key`: deterministic for the same key and split. Serving systems may ask on
 * every request, so this is one statement that reads only what routing needs (by name or former name).
 */
export async function routeFor(name: string, key: string) {
  return answerRoute(await loadRouting(name), name, key);
}
