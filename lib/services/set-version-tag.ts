import { assertAllowed, RegistryError, SYSTEM_VERSION_TAGS } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findVersionOrThrow } from './internal/find-version';
import { ZTagKey, ZTagValue } from './set-model-tag';

/**
 * Tags written by governance itself. `failed` marks a version rolled back out of Production and keeps
 * it from ever being a rollback target again, so nobody may set or remove it by hand.
 */
export const PROTECTED_VERSION_TAGS: readonly string[] = SYSTEM_VERSION_TAGS;

export function assertEditableVersionTag(key: string): void {
  if (PROTECTED_VERSION_TAGS.includes(key)) {
    throw new RegistryError('FORBIDDEN', `The tag "${key}" is written by rollbacks only and cannot be changed by hand.`);
  }
}

/** Sets (or replaces) one tag on a version. Tags live beside the immutable version record. */
export async function setVersionTag(actor: Actor, input: { model: string; number: number; key: string; value: string }) {
  assertAllowed(actor, 'version.edit', { model: input.model });
  const key = ZTagKey.parse(input.key);
  const value = ZTagValue.parse(input.value);
  assertEditableVersionTag(key);
  return inTransaction(async (tx) => {
    const version = await findVersionOrThrow(tx, input.model, input.number);
    await tx.versionTag.upsert({
      where: { versionId_key: { versionId: version.id, key } },
      create: { versionId: version.id, key, value },
      update: { value },
    });
    await recordAudit(tx, actor, { action: 'version.tag_set', model: version.model, version, data: { key, value } });
    return { key, value };
  });
}
