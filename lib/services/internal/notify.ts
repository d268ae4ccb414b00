import { isDecisionAction, notificationRecipients, type NotificationSubject } from '@/lib/registry';
import type { Tx } from '@/lib/db/prisma';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { mailEnabled } from '@/lib/notifications/mailer';
import { SEND_EMAIL_TASK, type EmailJob } from '@/lib/notifications/payload';
import { loadRecipientFacts } from '@/lib/notifications/recipient-facts';
import type { Actor } from '../actor';
import { loadSeparationFacts } from './separation';

/** What of an audit event the notifications read (recordAudit's entry). */
interface NotifiedEvent {
  action: string;
  model?: { id: string; name: string };
  comment?: string | null;
  data?: unknown;
}

const REQUESTED = new Set(['promotion.requested', 'canary.requested']);
const COMMENTED = new Set(['comment.added', 'comment.edited']);

/**
 * Queues the e-mails an audit event causes, in the event's transaction (so they exist exactly when the
 * change does): one send_email job per recipient the rule picks now. The rule is asked again when each is
 * sent. Nothing at all when mail is off.
 */
export async function queueNotifications(tx: Tx, actor: Actor, event: NotifiedEvent): Promise<void> {
  if (!mailEnabled() || !event.model) return;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const requestId = typeof data.requestId === 'string' ? data.requestId : null;
  if (REQUESTED.has(event.action) && requestId) {
    await queueForDeciders(tx, { modelId: event.model.id, model: event.model.name, requestId, actorId: actor.id }, (userId) => ({ kind: 'new_request', key: `new_request:${requestId}:${userId}`, userId, requestId }));
    return;
  }
  if (isDecisionAction(event.action) && requestId) {
    const [request] = await tx.$queryRaw<{ requesterId: string }[]>`SELECT "requested_by_id" AS "requesterId" FROM "promotion_request" WHERE "id" = ${requestId}`;
    if (!request) return;
    const subject: NotificationSubject = { kind: 'decisions', model: event.model.name, requesterId: request.requesterId };
    const action = event.action;
    await queueFor(tx, await loadRecipientFacts(tx, event.model.id, { ids: [request.requesterId] }), subject, actor.id, (userId) => ({
      kind: 'decision',
      key: `decision:${requestId}:${action}:${actor.id ?? actor.label}:${userId}`,
      userId,
      requestId,
      action,
      actorId: actor.id,
      actorLabel: actor.label,
      comment: event.comment ?? null,
    }));
    return;
  }
  const commentId = typeof data.commentId === 'string' ? data.commentId : null;
  if (COMMENTED.has(event.action) && commentId) {
    const mentioned = (await tx.commentMention.findMany({ where: { commentId }, select: { userId: true } })).map((m) => m.userId);
    if (mentioned.length === 0) return;
    const subject: NotificationSubject = { kind: 'mentions', model: event.model.name, mentionedIds: mentioned };
    // After an edit every mention is queued again; the sent log lets only the newly mentioned hear of it.
    await queueFor(tx, await loadRecipientFacts(tx, event.model.id, { ids: mentioned }), subject, actor.id, (userId) => ({ kind: 'mention', key: `mention:${commentId}:${userId}`, userId, commentId, actorId: actor.id }));
  }
}

/** Queues one message to everyone who may decide the request now (new requests and reminders); answers how many. */
export async function queueForDeciders(
  tx: Tx,
  request: { modelId: string; model: string; requestId: string; actorId: string | null; reminder?: boolean },
  job: (userId: string) => EmailJob,
): Promise<number> {
  const separation = await loadSeparationFacts(tx, request.requestId);
  const decidedBy = request.reminder ? (await tx.approval.findMany({ where: { requestId: request.requestId }, select: { approverId: true } })).map((a) => a.approverId) : [];
  const subject: NotificationSubject = { kind: request.reminder ? 'reminders' : 'newRequests', model: request.model, separation, decidedBy };
  return queueFor(tx, await loadRecipientFacts(tx, request.modelId, 'deciders'), subject, request.actorId, job);
}

async function queueFor(tx: Tx, candidates: Parameters<typeof notificationRecipients>[0], subject: NotificationSubject, actorId: string | null, job: (userId: string) => EmailJob): Promise<number> {
  const recipients = notificationRecipients(candidates, subject, actorId);
  for (const person of recipients) {
    const payload = job(person.id);
    await enqueueJob(tx, SEND_EMAIL_TASK, payload, { jobKey: payload.key, maxAttempts: 10 });
  }
  return recipients.length;
}
