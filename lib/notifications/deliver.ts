import { notificationDenial, renderNotification, type NotificationMessageInput, type NotificationSubject } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { loadSeparationFacts } from '@/lib/services/internal/separation';
import { clock } from '@/lib/services/clock';
import { mailEnabled, sendMail } from './mailer';
import { publicBaseUrl } from './public-url';
import type { EmailJob } from './payload';
import { loadRecipientFacts } from './recipient-facts';

export type DeliveryOutcome = { sent: true; to: string } | { sent: false; reason: string };

interface RequestRow {
  id: string;
  status: string;
  kind: 'production' | 'canary';
  comment: string;
  createdAt: Date;
  requesterId: string;
  requester: string;
  modelId: string;
  model: string;
  version: number;
  semver: string;
}

async function loadRequest(requestId: string): Promise<RequestRow | null> {
  const [row] = await db.$queryRaw<RequestRow[]>`
    SELECT r."id", r."status"::text AS "status", r."kind"::text AS "kind", r."comment", r."created_at" AS "createdAt",
      r."requested_by_id" AS "requesterId", u."email" AS "requester", m."id" AS "modelId", m."name" AS "model", v."number" AS "version", v."semver"
    FROM "promotion_request" r
    JOIN "registered_model" m ON m."id" = r."model_id"
    JOIN "model_version" v ON v."id" = r."version_id"
    JOIN "app_user" u ON u."id" = r."requested_by_id"
    WHERE r."id" = ${requestId}`;
  return row ?? null;
}

interface CommentRow {
  body: string;
  deletedAt: Date | null;
  author: string;
  modelId: string;
  model: string;
  version: number;
  semver: string;
  mentioned: string[];
}

async function loadComment(commentId: string): Promise<CommentRow | null> {
  const [row] = await db.$queryRaw<CommentRow[]>`
    SELECT c."body", c."deleted_at" AS "deletedAt", u."email" AS "author", m."id" AS "modelId", m."name" AS "model", v."number" AS "version", v."semver",
      ARRAY(SELECT cm."user_id" FROM "comment_mention" cm WHERE cm."comment_id" = c."id") AS "mentioned"
    FROM "version_comment" c
    JOIN "app_user" u ON u."id" = c."author_id"
    JOIN "model_version" v ON v."id" = c."version_id"
    JOIN "registered_model" m ON m."id" = c."model_id"
    WHERE c."id" = ${commentId}`;
  return row ?? null;
}

/** Who the message is about and what it says, from the database as it is now; or why it is no longer sent. */
async function prepare(job: EmailJob): Promise<{ modelId: string; subject: NotificationSubject; actorId: string | null; message: NotificationMessageInput } | string> {
  if (job.kind === 'mention') {
    const comment = await loadComment(job.commentId);
    if (!comment) return 'the comment is gone';
    const excerpt = comment.body.length > 600 ? `${comment.body.slice(0, 600)}…` : comment.body;
    return {
      modelId: comment.modelId,
      subject: { kind: 'mentions', model: comment.model, mentionedIds: comment.mentioned, withdrawn: comment.deletedAt !== null },
      actorId: job.actorId,
      message: { type: 'mention', model: comment.model, version: comment.version, semver: comment.semver, author: comment.author, excerpt },
    };
  }
  const request = await loadRequest(job.requestId);
  if (!request) return 'the request is gone';
  const base = { model: request.model, version: request.version, semver: request.semver, requestKind: request.kind };
  if (job.kind === 'decision') {
    return {
      modelId: request.modelId,
      subject: { kind: 'decisions', model: request.model, requesterId: request.requesterId },
      actorId: job.actorId,
      message: { type: 'decision', ...base, action: job.action, actor: job.actorLabel, comment: job.comment },
    };
  }
  if (request.status !== 'pending') return `the request was already ${request.status}`;
  const separation = await loadSeparationFacts(db, request.id);
  if (job.kind === 'new_request') {
    return {
      modelId: request.modelId,
      subject: { kind: 'newRequests', model: request.model, separation },
      actorId: request.requesterId,
      message: { type: 'new_request', ...base, requester: request.requester, comment: request.comment },
    };
  }
  const decidedBy = (await db.approval.findMany({ where: { requestId: request.id }, select: { approverId: true } })).map((a) => a.approverId);
  const waitingHours = Math.floor((clock.now().getTime() - request.createdAt.getTime()) / 3_600_000);
  return {
    modelId: request.modelId,
    subject: { kind: 'reminders', model: request.model, separation, decidedBy },
    actorId: null,
    message: { type: 'reminder', ...base, requester: request.requester, comment: request.comment, waitingHours },
  };
}

/**
 * Sends one queued e-mail (the send_email task) if its recipient should still get it: the recipients rule
 * is asked again on today's facts — someone who lost the right to decide, was disabled or opted out since
 * it was queued gets nothing. Safe to run twice: the sent log holds each key once.
 */
export async function deliverEmailJob(job: EmailJob): Promise<DeliveryOutcome> {
  if (!mailEnabled()) return { sent: false, reason: 'mail is off' };
  if (await db.notificationSent.findUnique({ where: { key: job.key }, select: { key: true } })) return { sent: false, reason: 'already sent' };
  const prepared = await prepare(job);
  if (typeof prepared === 'string') return { sent: false, reason: prepared };
  const [person] = await loadRecipientFacts(db, prepared.modelId, { ids: [job.userId] });
  if (!person) return { sent: false, reason: 'the recipient is disabled or gone' };
  const denial = notificationDenial(person, prepared.subject, prepared.actorId);
  if (denial) return { sent: false, reason: denial };
  const message = renderNotification(prepared.message, publicBaseUrl());
  await sendMail({ to: person.email, subject: message.subject, text: message.text });
  await db.notificationSent.create({ data: { key: job.key, userId: person.id, kind: job.kind, sentAt: clock.now() } }).catch((error: unknown) => {
    // Another run of the same job sent it too (a retry racing a slow first attempt): the log already says so.
    if ((error as { code?: string }).code !== 'P2002') throw error;
  });
  return { sent: true, to: person.email };
}
