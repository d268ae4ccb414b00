import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/prisma';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { swapProduction } from './production';
import { afterProductionChange } from './serving';

/**
 * Puts a Staging version into Production inside the caller's transaction (the approval that completes a
 * request, or an admin override): the previous Production version is archived and remembered as the
 * last stable version, the canary shares judged against it end, protected aliases on it follow Production
 * to the new version, and the move is audited. The caller holds the model's lock (`lockModel`).
 * `alongside`: the caller's own writes to send with the deploy's audit event (e.g. closing the request).
 */
export async function deployVersion(
  tx: Tx,
  actor: Actor,
  args: { model: { id: string; name: string }; version: { id: string; number: number }; comment: string | null; override?: boolean; data?: Prisma.InputJsonObject; alongside?: Prisma.Sql[] },
) {
  const { replaced, after } = await swapProduction(tx, {
    modelId: args.model.id,
    versionId: args.version.id,
    fromStage: 'staging',
    startedBy: actor.label,
    endedReason: `replaced by version ${args.version.number}`,
  });
  // The last stable version is set in the update that stamps the model's activity for the event.
  await recordAudit(
    tx,
    actor,
    {
      action: 'version.deployed',
      model: args.model,
      version: args.version,
      fromStage: 'staging',
      toStage: 'production',
      comment: args.comment,
      override: args.override ?? false,
      data: { ...args.data, replacedVersion: replaced?.number ?? null },
    },
    { alsoSetOnModel: replaced ? Prisma.sql`"last_stable_version_id" = ${replaced.id}` : undefined, alongside: args.alongside },
  );
  // After the deploy's own event, so the timeline reads cause, then consequences.
  await afterProductionChange(tx, actor, { model: args.model, from: replaced, to: args.version, reason: `v${args.version.number} replaced ${replaced ? `v${replaced.number}` : 'nothing'} in Production`, after });
  return { replaced };
}
