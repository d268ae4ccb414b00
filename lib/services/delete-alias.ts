import { assertCan, isProtectedAlias, RegistryError, roleOn } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { aliasPolicy, ZAliasName } from './set-alias';

/**
 * Removes an alias from a model; a protected one needs the right to decide promotions, as moving it does.
 * Removing one that is not there changes nothing and records nothing.
 */
export async function deleteAlias(actor: Actor, input: { model: string; alias: string }) {
  const alias = ZAliasName.parse(input.alias);
  assertCan(roleOn(actor, input.model), 'version.edit');
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const model = await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true } });
      if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
      if (isProtectedAlias(await aliasPolicy(tx, model.id), alias)) assertCan(roleOn(actor, input.model), 'request.decide');
      const existing = await tx.modelAlias.findUnique({
        where: { modelId_alias: { modelId: model.id, alias } },
        select: { version: { select: { id: true, number: true } } },
      });
      if (!existing) return { deleted: false };
      await tx.modelAlias.delete({ where: { modelId_alias: { modelId: model.id, alias } } });
      await recordAudit(tx, actor, { action: 'alias.deleted', model, version: existing.version, data: { alias } });
      return { deleted: true };
    }),
  );
}
