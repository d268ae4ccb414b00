import { mayCancelRequest, RegistryError, REQUEST_EVENTS } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';

/** The requester (or an admin) withdraws a pending promotion or canary request. */
export async function cancelRequest(actor: Actor, input: { requestId: string; comment?: string }) {
  return inTransaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "promotion_request" WHERE "id" = ${input.requestId} FOR UPDATE`;
    if (locked.length === 0) throw new RegistryError('NOT_FOUND', 'No such promotion request.');
    const request = await tx.promotionRequest.findUniqueOrThrow({
      where: { id: input.requestId },
      include: { version: { select: { id: true, number: true } }, model: { select: { id: true, name: true } } },
    });
    if (!mayCancelRequest(actor, { model: request.model.name, requesterId: request.requestedById })) {
      throw new RegistryError('FORBIDDEN', 'Only the requester or an admin can cancel a promotion request.');
    }
    if (request.status !== 'pending') throw new RegistryError('CONFLICT', `This request was already ${request.status}.`);
    await tx.promotionRequest.update({ where: { id: request.id }, data: { status: 'cancelled', decidedAt: clock.now() } });
    await recordAudit(tx, actor, { action: REQUEST_EVENTS[request.kind].cancelled, model: request.model, version: request.version, comment: input.comment?.trim() || null, data: { requestId: request.id } });
    return { status: 'cancelled' as const };
  });
}
