import type { Tx } from '@/lib/db/prisma';
import { REQUEST_EVENTS } from '@/lib/registry';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { clock } from '../clock';

/**
 * Cancels a version's pending requests (Production or canary) when it leaves Staging, each audited: the
 * approvals already given were for the version as it stood, and must not complete a request after a
 * restore brings it back. The partial unique index allows one pending request per version.
 */
export async function cancelPendingRequests(tx: Tx, actor: Actor, args: { model: { id: string; name: string }; version: { id: string; number: number }; reason: string }): Promise<void> {
  const pending = await tx.promotionRequest.findMany({ where: { versionId: args.version.id, status: 'pending' }, select: { id: true, kind: true } });
  for (const request of pending) {
    await tx.promotionRequest.update({ where: { id: request.id }, data: { status: 'cancelled', decidedAt: clock.now() } });
    await recordAudit(tx, actor, {
      action: REQUEST_EVENTS[request.kind].cancelled,
      model: args.model,
      version: args.version,
      comment: `cancelled: ${args.reason}`,
      data: { requestId: request.id, automatic: true },
    });
  }
}
