import { assertAllowed, isProtectedAlias } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findModelOrThrow } from './internal/find-model';
import { aliasPolicy, ZAliasName } from './set-alias';

/**
 * Removes an alias from a model; a protected one needs the right to decide promotions, as moving it does.
 * Removing one that is not there changes nothing and records nothing.
 */
export async function deleteAlias(actor: Actor, input: { model: string; alias: string }) {
  const alias = ZAliasName.parse(input.alias);
  assertAllowed(actor, 'version.edit', { model: input.model });
  return inTransaction(async (tx) => {
    const model = await findModelOrThrow(tx, input.model);
    if (isProtectedAlias(await aliasPolicy(tx, model.id), alias)) assertAllowed(actor, 'request.decide', { model: input.model });
    const existing = await tx.modelAlias.findUnique({
      where: { modelId_alias: { modelId: model.id, alias } },
      select: { version: { select: { id: true, number: true } } },
    });
    if (!existing) return { deleted: false };
    await tx.modelAlias.delete({ where: { modelId_alias: { modelId: model.id, alias } } });
    await recordAudit(tx, actor, { action: 'alias.deleted', model, version: existing.version, data: { alias } });
    return { deleted: true };
  });
}
