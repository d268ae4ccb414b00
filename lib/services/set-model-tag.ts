import { z } from 'zod';
import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';

/**
 * A model's tags are plain strings (`RegisteredModel.tags`). Key/value tags are stored as "key=value",
 * and a tag with an empty value as just "key", so the board's plain tags ("fraud") read as keys with
 * no value. Keys cannot contain "=", so the first "=" always splits key from value.
 */
export const ZTagKey = z
  .string()
  .min(1, 'A tag key must be provided.')
  .max(250, 'Tag keys are at most 250 characters.')
  .regex(/^[\w.\-/: ]+$/, 'Tag keys may only contain letters, digits, underscores (_), dashes (-), periods (.), spaces, colons (:) and slashes (/).');
/** MLflow 3's limit for model-registry tag values (2.x had 5,000). */
export const ZTagValue = z.string().max(100_000, 'Tag values are at most 100,000 characters.');

export function encodeModelTag(key: string, value: string): string {
  return value === '' ? key : `${key}=${value}`;
}

export function modelTagKey(tag: string): string {
  const at = tag.indexOf('=');
  return at < 0 ? tag : tag.slice(0, at);
}

/**
 * Sets (or replaces) one key/value tag on a model, in one UPDATE that reads the tags it rewrites: two
 * concurrent tag changes on one model queue on the row, and the second rewrites what the first left,
 * so neither is lost (a read-then-write, as before, let the later writer drop the earlier one's tag).
 */
export async function setModelTag(actor: Actor, input: { model: string; key: string; value: string }) {
  assertAllowed(actor, 'version.edit', { model: input.model });
  const key = ZTagKey.parse(input.key);
  const value = ZTagValue.parse(input.value);
  return inTransaction(async (tx) => {
    const [model] = await tx.$queryRaw<{ id: string; name: string; tags: string[] }[]>`
      UPDATE "registered_model"
      SET "tags" = array_append(ARRAY(SELECT t FROM unnest("tags") t WHERE split_part(t, '=', 1) <> ${key}), ${encodeModelTag(key, value)}),
          "updated_at" = now()
      WHERE "name" = ${input.model}
      RETURNING "id", "name", "tags"`;
    if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
    await recordAudit(tx, actor, { action: 'model.tag_set', model: { id: model.id, name: model.name }, data: { key, value } });
    return { tags: model.tags };
  });
}
