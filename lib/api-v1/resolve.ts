import 'server-only';
import type { z } from 'zod';
import type { ZResolveQuery } from '@/lib/validations/api-v1';
import { db } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import { RegistryError, type Stage } from '@/lib/registry';

interface Resolved {
  modelId: string;
  model: string;
  number: number | null;
  semver: string;
  stage: Stage;
  artifactUri: string;
  artifactDigest: string | null;
  stageChangedAt: Date;
}

/**
 * What a serving system polls: the version to serve for a stage or alias, with the artifact to load and
 * the digest to check it against. One indexed lookup, which also tells a missing model from a model
 * with nothing to serve, and follows a redirect from a former name (the answer names the current one).
 * A protected alias only ever points at the Production version or an approved canary: the database
 * refuses anything else (modelgate_check_serving).
 */
export async function resolveVersion(model: string, query: z.infer<typeof ZResolveQuery>) {
  const loaded = await loadResolved(model, query);
  if ('error' in loaded) throw loaded.error;
  return loaded.answer;
}

export interface ResolvedAnswer {
  model: string;
  redirectedFrom?: string;
  version: number;
  semver: string;
  stage: Stage;
  artifactUri: string;
  artifactDigest: string | null;
  since: string;
}

type Loaded = { modelId: string; modelName: string } & ({ answer: ResolvedAnswer } | { error: RegistryError });

/** The answer with the id of the model it belongs to (for the serving cache), or a NOT_FOUND error. */
export async function loadResolved(model: string, query: z.infer<typeof ZResolveQuery>): Promise<Loaded> {
  const version = query.alias
    ? Prisma.sql`LEFT JOIN "model_alias" a ON a."model_id" = m."id" AND a."alias" = ${query.alias}
        LEFT JOIN "model_version" v ON v."id" = a."version_id"`
    : Prisma.sql`LEFT JOIN LATERAL (
          SELECT * FROM "model_version" WHERE "model_id" = m."id" AND "stage" = ${query.stage}::"Stage" ORDER BY "number" DESC LIMIT 1
        ) v ON true`;
  const rows = await db.$queryRaw<Resolved[]>`
    SELECT m."id" AS "modelId", m."name" AS "model", v."number", v."semver", v."stage"::text AS "stage", v."artifact_uri" AS "artifactUri", v."artifact_digest" AS "artifactDigest",
      v."stage_changed_at" AS "stageChangedAt"
    FROM "registered_model" m ${version}
    WHERE m."name" = ${model} OR m."id" = (SELECT "model_id" FROM "model_name_redirect" WHERE "old_name" = ${model})`;
  const [found] = rows;
  if (!found) throw new RegistryError('NOT_FOUND', `No model named "${model}".`);
  if (found.number === null) {
    // The model exists with nothing to serve: an answer too (a serving system polls it until there is).
    return { modelId: found.modelId, modelName: found.model, error: new RegistryError('NOT_FOUND', query.alias ? `${found.model} has no version with the alias "${query.alias}".` : `${found.model} has no version in ${query.stage}.`) };
  }
  const answer: ResolvedAnswer = {
    model: found.model,
    ...(found.model !== model ? { redirectedFrom: model } : {}),
    version: found.number, semver: found.semver, stage: found.stage, artifactUri: found.artifactUri, artifactDigest: found.artifactDigest, since: found.stageChangedAt.toISOString(),
  };
  return { modelId: found.modelId, modelName: found.model, answer };
}
