import { assertAllowed, RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { ZTagKey } from './set-model-tag';
import { assertEditableVersionTag } from './set-version-tag';

/** Removes a version tag by key. Removing a tag that is not there changes nothing and records nothing. */
export async function deleteVersionTag(actor: Actor, input: { model: string; number: number; key: string }) {
  assertAllowed(actor, 'version.edit', { model: input.model });
  const key = ZTagKey.parse(input.key);
  assertEditableVersionTag(key);
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const version = await tx.modelVersion.findFirst({
        where: { model: { name: input.model }, number: input.number },
        select: { id: true, number: true, model: { select: { id: true, name: true } } },
      });
      if (!version) throw new RegistryError('NOT_FOUND', `${input.model} has no version ${input.number}.`);
      const previous = await tx.versionTag.findUnique({ where: { versionId_key: { versionId: version.id, key } }, select: { value: true } });
      const removed = await tx.versionTag.deleteMany({ where: { versionId: version.id, key } });
      if (removed.count === 0) return { deleted: false };
      await recordAudit(tx, actor, { action: 'version.tag_deleted', model: version.model, version, data: { key, before: previous?.value ?? null, after: null } });
      return { deleted: true };
    }),
  );
}
