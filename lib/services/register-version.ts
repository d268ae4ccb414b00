import { assertCan, formatSemver, guessDirection, nextSemver, parseSemver, RegistryError, roleOn } from '@/lib/registry';
import { db, type Tx } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createHash } from 'node:crypto';
import { ZRegisterVersionInput, type RegisterVersionInput } from '@/lib/validations/version';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';

export interface RegisterOptions {
  /** A retried request with the same key (per caller) returns the version the first one created. */
  idempotencyKey?: string;
  /** Return the existing version when one with the same artifact digest is already registered. */
  dedupeByDigest?: boolean;
}

/**
 * Registers a version in Testing. The version number comes from the model's counter, incremented under
 * the model's row lock, so concurrent registrations queue instead of racing on MAX(number)+1. The same
 * lock makes the idempotency checks race-free: a retried pipeline step never creates two versions.
 */
export async function registerVersion(actor: Actor, rawInput: RegisterVersionInput, options: RegisterOptions = {}) {
  const input = ZRegisterVersionInput.parse(rawInput);
  assertCan(roleOn(actor, input.model), 'version.register');
  const explicitSemver = input.semver ? parseSemver(input.semver) : null;

  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string; name: string }[]>`SELECT "id", "name" FROM "registered_model" WHERE "name" = ${input.model} FOR UPDATE`;
      const target = locked[0];
      if (!target) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);

      const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
      if (options.idempotencyKey && actor.id) {
        const seen = await tx.idempotencyKey.findUnique({ where: { actorId_key: { actorId: actor.id, key: options.idempotencyKey } } });
        if (seen && seen.requestHash !== requestHash) {
          throw new RegistryError('CONFLICT', 'This Idempotency-Key was already used for a different request.');
        }
        if (seen) return { ...(await tx.modelVersion.findUniqueOrThrow({ where: { id: seen.versionId } })), created: false };
      }
      if (options.dedupeByDigest && input.artifactDigest) {
        const same = await tx.modelVersion.findFirst({ where: { modelId: target.id, artifactDigest: input.artifactDigest } });
        if (same) return { ...same, created: false };
      }

      const model = await tx.registeredModel.update({
        where: { id: target.id },
        data: { nextVersionNumber: { increment: 1 } },
        select: { id: true, name: true, nextVersionNumber: true },
      });
      const number = model.nextVersionNumber - 1;

      let semver = explicitSemver;
      let bumpReason: string = 'explicit';
      if (!semver) {
        const latest = await tx.modelVersion.findFirst({
          where: { modelId: model.id },
          orderBy: [{ major: 'desc' }, { minor: 'desc' }, { patch: 'desc' }],
          select: { major: true, minor: true, patch: true, dataVersion: true, features: true },
        });
        const next = nextSemver(latest && { semver: latest, dataVersion: latest.dataVersion, features: latest.features }, input);
        semver = next.semver;
        bumpReason = next.reason;
      }
      const semverText = formatSemver(semver);
      const clash = await tx.modelVersion.findUnique({ where: { modelId_semver: { modelId: model.id, semver: semverText } }, select: { number: true } });
      if (clash) throw new RegistryError('CONFLICT', `Version ${semverText} of ${model.name} already exists (number ${clash.number}).`);

      const parentIds = await resolveParents(tx, input.parents);
      const version = await tx.modelVersion.create({
        data: {
          modelId: model.id,
          number,
          semver: semverText,
          ...semver,
          dataVersion: input.dataVersion,
          artifactUri: input.artifactUri,
          artifactDigest: input.artifactDigest ?? null,
          framework: input.framework ?? null,
          hyperparameters: input.hyperparameters as Prisma.InputJsonObject,
          features: input.features,
          trainingDataHash: input.trainingDataHash ?? null,
          trainingDataSource: input.trainingDataSource ?? null,
          codeCommit: input.codeCommit ?? null,
          trainingDurationSec: input.trainingDurationSec ?? null,
          trainingResources: (input.trainingResources as Prisma.InputJsonObject | undefined) ?? undefined,
          description: input.description,
          modelCard: input.modelCard,
          createdById: actor.id,
          createdAt: clock.now(),
          stageChangedAt: clock.now(),
          metrics: { createMany: { data: input.metrics } },
          tags: { createMany: { data: Object.entries(input.tags).map(([key, value]) => ({ key, value })) } },
          parents: { createMany: { data: parentIds.map((parentId) => ({ parentId })) } },
        },
      });

      const keys = [...new Set(input.metrics.map((m) => m.key))];
      if (keys.length > 0) {
        await tx.metricDefinition.createMany({
          data: keys.map((key) => ({ modelId: model.id, key, direction: guessDirection(key) })),
          skipDuplicates: true,
        });
      }

      await recordAudit(tx, actor, {
        action: 'version.registered',
        model,
        version,
        toStage: 'testing',
        comment: input.description || null,
        data: { semver: semverText, bump: bumpReason, artifactDigest: version.artifactDigest, metrics: input.metrics.length },
      });
      if (options.idempotencyKey && actor.id) {
        await tx.idempotencyKey.create({ data: { actorId: actor.id, key: options.idempotencyKey, versionId: version.id, requestHash } });
      }
      return { ...version, created: true };
    }),
  );
}

async function resolveParents(tx: Tx, parents: { model: string; version: number }[]) {
  const ids: string[] = [];
  for (const parent of parents) {
    const found = await tx.modelVersion.findFirst({
      where: { model: { name: parent.model }, number: parent.version },
      select: { id: true },
    });
    if (!found) throw new RegistryError('INVALID_ARGUMENT', `Parent ${parent.model} v${parent.version} does not exist.`);
    ids.push(found.id);
  }
  return [...new Set(ids)];
}
