import { assertAllowed, isProtectedAlias, parsePolicy, RegistryError, servingRight, STAGE_LABELS, ZAliasName, type Action } from '@/lib/registry';
import type { Tx } from '@/lib/db/prisma';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findVersionOrThrow } from './internal/find-version';
import { lockModel } from './internal/production';
import { loadServing } from './internal/serving';

export { ZAliasName };

/**
 * Aliases serving code resolves (`models:/fraud@champion`) are governed like Production itself when the
 * model's policy protects them (champion unless it says otherwise): only someone who may decide promotions
 * moves them, and only onto the Production version or a canary approvers gave a share of traffic.
 */
export function aliasPermission(alias: string, policy: { protectedAliases?: readonly string[] }): Action {
  return isProtectedAlias(policy, alias) ? 'request.decide' : 'version.edit';
}

/** The model's policy as far as aliases are concerned, read in the caller's transaction. */
export async function aliasPolicy(tx: Tx, modelId: string) {
  const row = await tx.modelPolicy.findUnique({ where: { modelId }, select: { gates: true } });
  return parsePolicy(row?.gates ?? undefined);
}

/** Points an alias at a version (one version per alias per model), replacing where it pointed before. */
export async function setAlias(actor: Actor, input: { model: string; alias: string; number: number }) {
  const alias = ZAliasName.parse(input.alias);
  assertAllowed(actor, 'version.edit', { model: input.model });
  return inTransaction(async (tx) => {
    const version = await findVersionOrThrow(tx, input.model, input.number);
    const policy = await aliasPolicy(tx, version.model.id);
    if (isProtectedAlias(policy, alias)) {
      assertAllowed(actor, 'request.decide', { model: input.model });
      // Under the model's lock, Production and the canary shares cannot change until we commit.
      await lockModel(tx, version.model.id);
      const serving = await loadServing(tx, version.model.id);
      if (servingRight(version, serving.shares).kind === 'none') {
        const production = serving.production ? `the Production version (v${serving.production.number})` : 'the Production version (there is none yet)';
        throw new RegistryError(
          'GATE_FAILED',
          `@${alias} serves traffic, so it may point only at ${production} or a canary approvers gave a share of traffic; v${version.number} is in ${STAGE_LABELS[version.stage]} with no approved share. Request a canary or Production for it.`,
          { version: version.number, stage: version.stage },
        );
      }
    }
    const previous = await tx.modelAlias.findUnique({ where: { modelId_alias: { modelId: version.model.id, alias } }, select: { version: { select: { number: true } } } });
    await tx.modelAlias.upsert({
      where: { modelId_alias: { modelId: version.model.id, alias } },
      create: { modelId: version.model.id, alias, versionId: version.id },
      update: { versionId: version.id },
    });
    await recordAudit(tx, actor, { action: 'alias.set', model: version.model, version, data: { alias, previousVersion: previous?.version.number ?? null } });
    return { alias, version: version.number };
  });
}
