import { assertCan, formatSemver, guessDirection, nextSemver, parseSemver, RegistryError, roleOn } from '@/lib/registry';
import { db, type Tx } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ZRegisterVersionInput, type RegisterVersionInput } from '@/lib/validations/version';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';

/**
 * Registers a version in Testing. The version number comes from the model's counter, incremented under
 * the model's row lock, so concurrent registrations queue instead of racing on MAX(number)+1.
 */
export async function registerVersion(actor: Actor, rawInput: RegisterVersionInput) {
  const input = ZRegisterVersionInput.parse(rawInput);
  assertCan(roleOn(actor, input.model), 'version.register');
  const explicitSemver = input.semver ? parseSemver(input.semver) : null;

  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const locked = await tx.registeredModel.updateManyAndReturn({
        where: { name: input.model },
        data: { nextVersionNumber: { increment: 1 } },
        select: { id: true, name: true, nextVersionNumber: true },
      });
      const model = locked[0];
      if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
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
      return version;
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
