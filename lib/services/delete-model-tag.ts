import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { ZTagKey } from './set-model-tag';

/**
 * Removes a model tag by key, in one UPDATE (see setModelTag: no lost update). Removing a tag that is not
 * there changes nothing and records nothing.
 */
export async function deleteModelTag(actor: Actor, input: { model: string; key: string }) {
  assertAllowed(actor, 'version.edit', { model: input.model });
  const key = ZTagKey.parse(input.key);
  return inTransaction(async (tx) => {
    const [model] = await tx.$queryRaw<{ id: string; name: string; removed: boolean }[]>`
      WITH "old" AS (SELECT "id", "name", "tags" FROM "registered_model" WHERE "name" = ${input.model} FOR UPDATE),
      "changed" AS (
        UPDATE "registered_model" m
        SET "tags" = ARRAY(SELECT t FROM unnest(o."tags") t WHERE split_part(t, '=', 1) <> ${key}), "updated_at" = now()
        FROM "old" o
        WHERE m."id" = o."id" AND EXISTS (SELECT 1 FROM unnest(o."tags") t WHERE split_part(t, '=', 1) = ${key})
        RETURNING m."id")
      SELECT o."id", o."name", EXISTS (SELECT 1 FROM "changed") AS "removed" FROM "old" o`;
    if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
    if (!model.removed) return { deleted: false };
    await recordAudit(tx, actor, { action: 'model.tag_deleted', model: { id: model.id, name: model.name }, data: { key } });
    return { deleted: true };
  });
}
