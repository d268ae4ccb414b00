import { assertAllowed } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findVersionOrThrow } from './internal/find-version';
import { ZTagKey } from './set-model-tag';
import { assertEditableVersionTag } from './set-version-tag';

/** Removes a version tag by key. Removing a tag that is not there changes nothing and records nothing. */
export async function deleteVersionTag(actor: Actor, input: { model: string; number: number; key: string }) {
  assertAllowed(actor, 'version.edit', { model: input.model });
  const key = ZTagKey.parse(input.key);
  assertEditableVersionTag(key);
  return inTransaction(async (tx) => {
    const version = await findVersionOrThrow(tx, input.model, input.number);
    const removed = await tx.versionTag.deleteMany({ where: { versionId: version.id, key } });
    if (removed.count === 0) return { deleted: false };
    await recordAudit(tx, actor, { action: 'version.tag_deleted', model: version.model, version, data: { key } });
    return { deleted: true };
  });
}
