import type { Tx } from '@/lib/db/prisma';
import { describeSplit, servingRoutes, type ShareView } from '@/lib/registry';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import type { AfterSwap } from './production';

// The cleanup every change of who serves needs, inside the caller's transaction (which holds the model's
// row lock). The database checks the result when the transaction commits (modelgate_check_serving), so a
// path that forgets a step fails instead of serving something unapproved.

type ModelRef = { id: string; name: string };
type VersionRef = { id: string; number: number };

export interface ServingState {
  production: VersionRef | null;
  shares: (ShareView & { versionId: string; requestId: string })[];
}

export async function loadServing(tx: Tx, modelId: string): Promise<ServingState> {
  // One statement: the Production version and every canary share with its version number.
  const [row] = await tx.$queryRaw<{ production: VersionRef | null; shares: ServingState['shares'] | null }[]>`
    SELECT
      (SELECT json_build_object('id', v."id", 'number', v."number") FROM "model_version" v WHERE v."model_id" = ${modelId} AND v."stage" = 'production' LIMIT 1) AS "production",
      (SELECT json_agg(json_build_object('versionId', s."version_id", 'requestId', s."request_id", 'number', v."number", 'weight', s."weight", 'approvedWeight', s."approved_weight") ORDER BY s."granted_at", s."version_id")
         FROM "canary_share" s JOIN "model_version" v ON v."id" = s."version_id" WHERE s."model_id" = ${modelId}) AS "shares"`;
  return { production: row?.production ?? null, shares: row?.shares ?? [] };
}

/** The protected aliases pointing at `versionId`, by the database's own reading of the policy. */
async function protectedAliasesOn(tx: Tx, modelId: string, versionId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ alias: string }[]>`
    SELECT "alias" FROM "model_alias"
    WHERE "model_id" = ${modelId} AND "version_id" = ${versionId} AND lower("alias") = ANY ("modelgate_protected_aliases"(${modelId}))
    ORDER BY "alias"`;
  return rows.map((r) => r.alias);
}

async function removeProtectedAliases(tx: Tx, actor: Actor, args: { model: ModelRef; version: VersionRef; reason: string }): Promise<void> {
  for (const alias of await protectedAliasesOn(tx, args.model.id, args.version.id)) {
    await tx.modelAlias.delete({ where: { modelId_alias: { modelId: args.model.id, alias } } });
    await recordAudit(tx, actor, { action: 'alias.deleted', model: args.model, version: args.version, comment: args.reason, data: { alias } });
  }
}

/**
 * Ends canary shares (all of the model's, or the listed versions'), audited as one change of the split.
 * A protected alias on a canary goes with its share, unless that version is now Production.
 */
export async function endShares(tx: Tx, actor: Actor, args: { model: ModelRef; versionIds?: string[]; reason: string; state?: ServingState }): Promise<number[]> {
  const state = args.state ?? (await loadServing(tx, args.model.id));
  const ending = state.shares.filter((s) => !args.versionIds || args.versionIds.includes(s.versionId));
  if (ending.length === 0) return [];
  await tx.canaryShare.deleteMany({ where: { modelId: args.model.id, versionId: { in: ending.map((s) => s.versionId) } } });
  const routes = servingRoutes(state.production?.number ?? null, state.shares.filter((s) => !ending.includes(s)));
  await recordAudit(tx, actor, {
    action: 'traffic.updated',
    model: args.model,
    comment: args.reason,
    data: { summary: describeSplit(routes), routes: routes.map((r) => ({ ...r })), endedCanaries: ending.map((s) => s.number) },
  });
  for (const share of ending) {
    if (share.versionId === state.production?.id) continue;
    await removeProtectedAliases(tx, actor, { model: args.model, version: { id: share.versionId, number: share.number }, reason: args.reason });
  }
  return ending.map((s) => s.number);
}

/**
 * A version stops receiving traffic (archived, demoted): its canary share ends and the protected aliases
 * on it are removed, each audited.
 */
export async function withdrawFromServing(tx: Tx, actor: Actor, args: { model: ModelRef; version: VersionRef; reason: string }): Promise<void> {
  await endShares(tx, actor, { model: args.model, versionIds: [args.version.id], reason: args.reason });
  await removeProtectedAliases(tx, actor, args);
}

/**
 * Production changed hands (a deploy or a rollback). Every canary share was judged against the old
 * Production version, so the split is cleared; protected aliases that pointed at the old version follow
 * Production to the new one, so a serving system that loads @champion is rolled back (or forward) with it.
 */
export async function afterProductionChange(
  tx: Tx,
  actor: Actor,
  args: { model: ModelRef; from: VersionRef | null; to: VersionRef; reason: string; after?: AfterSwap },
): Promise<void> {
  // What the swap read after itself (swapProduction), or else read now: the same facts either way.
  const state = args.after ? { production: args.to, shares: args.after.shares } : undefined;
  await endShares(tx, actor, { model: args.model, reason: `${args.reason}: canary shares were approved against the previous Production version`, state });
  if (!args.from) return;
  const aliases = args.after?.replacedAliases ?? (await protectedAliasesOn(tx, args.model.id, args.from.id));
  for (const alias of aliases) {
    await tx.modelAlias.update({ where: { modelId_alias: { modelId: args.model.id, alias } }, data: { versionId: args.to.id } });
    await recordAudit(tx, actor, { action: 'alias.set', model: args.model, version: args.to, comment: args.reason, data: { alias, previousVersion: args.from.number, followsProduction: true } });
  }
}
