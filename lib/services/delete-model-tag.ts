import { assertAllowed, RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { modelTagKey, ZTagKey } from './set-model-tag';

/** Removes a model tag by key. Removing a tag that is not there changes nothing and records nothing. */
export async function deleteModelTag(actor: Actor, input: { model: string; key: string }) {
  assertAllowed(actor, 'version.edit', { model: input.model });
  const key = ZTagKey.parse(input.key);
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const model = await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true, tags: true } });
      if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
      const tags = model.tags.filter((t) => modelTagKey(t) !== key);
      if (tags.length === model.tags.length) return { deleted: false };
      await tx.registeredModel.update({ where: { id: model.id }, data: { tags } });
      await recordAudit(tx, actor, { action: 'model.tag_deleted', model, data: { key } });
      return { deleted: true };
    }),
  );
}
