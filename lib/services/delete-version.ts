import { assertAllowed, RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { assertDeletable, deleteVersionRows } from './internal/deletable';
import { lockModel } from './internal/production';

/**
 * Deletes one version outside Staging and Production (see assertDeletable for what is kept). Its tags,
 * aliases, metrics and lineage go with it; the audit event recording the deletion stays.
 */
export async function deleteVersion(actor: Actor, input: { model: string; number: number }) {
  assertAllowed(actor, 'version.archive', { model: input.model });
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const model = await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true } });
      if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
      await lockModel(tx, model.id);
      const version = await tx.modelVersion.findFirst({
        where: { modelId: model.id, number: input.number },
        select: { id: true, number: true, stage: true, semver: true, artifactUri: true },
      });
      if (!version) throw new RegistryError('NOT_FOUND', `${input.model} has no version ${input.number}.`);
      await assertDeletable(tx, model.name, [version]);
      await recordAudit(tx, actor, {
        action: 'version.deleted',
        model,
        version,
        fromStage: version.stage,
        data: { semver: version.semver, artifactUri: version.artifactUri },
      });
      await deleteVersionRows(tx, [version]);
      return { deleted: true };
    }),
  );
}
