import { assertAllowed } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findModelOrThrow } from './internal/find-model';
import { findVersionOrThrow } from './internal/find-version';
import { assertDeletable, deleteVersionRows } from './internal/deletable';
import { lockModel } from './internal/production';

/**
 * Deletes one version outside Staging and Production (see assertDeletable for what is kept). Its tags,
 * aliases, metrics and lineage go with it; the audit event recording the deletion stays.
 */
export async function deleteVersion(actor: Actor, input: { model: string; number: number }) {
  assertAllowed(actor, 'version.archive', { model: input.model });
  return inTransaction(async (tx) => {
    const model = await findModelOrThrow(tx, input.model);
    await lockModel(tx, model.id);
    const version = await findVersionOrThrow(tx, model.name, input.number, { semver: true, artifactUri: true });
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
  });
}
