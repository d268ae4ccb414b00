import { parsePolicy, reminderRound } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from '@/lib/services/actor';
import { recordAudit } from '@/lib/services/audit';
import { clock } from '@/lib/services/clock';
import { queueForDeciders } from '@/lib/services/internal/notify';
import { mailEnabled } from './mailer';

/** Who the audit timeline shows sending reminders. */
export const REMINDERS: Actor = { id: null, label: 'reminders', role: 'admin' };

interface Waiting {
  id: string;
  createdAt: Date;
  modelId: string;
  model: string;
  versionId: string;
  version: number;
  policy: unknown;
}

/**
 * The request_reminders task: every pending request whose model's policy sets `notifications.remindAfterHours`
 * and that has waited into a new round gets one reminder for that round — the row in request_reminder is
 * written once per round whoever gets there first (two instances, two passes), with the e-mails and an
 * audit event in the same transaction. Answers how many requests were reminded.
 */
export async function sendDueReminders(): Promise<number> {
  if (!mailEnabled()) return 0;
  const waiting = await db.$queryRaw<Waiting[]>`
    SELECT r."id", r."created_at" AS "createdAt", m."id" AS "modelId", m."name" AS "model", v."id" AS "versionId", v."number" AS "version", p."gates" AS "policy"
    FROM "promotion_request" r
    JOIN "model_policy" p ON p."model_id" = r."model_id"
    JOIN "registered_model" m ON m."id" = r."model_id"
    JOIN "model_version" v ON v."id" = r."version_id"
    WHERE r."status" = 'pending' AND p."gates" ? 'notifications'
    ORDER BY r."created_at"`;
  let reminded = 0;
  for (const request of waiting) {
    const hours = parsePolicy(request.policy).notifications?.remindAfterHours;
    if (!hours) continue;
    const round = reminderRound(request.createdAt, clock.now(), hours);
    if (round < 1) continue;
    const sent = await inTransaction(async (tx) => {
      const claimed = await tx.$queryRaw<{ round: number }[]>`
        INSERT INTO "request_reminder" ("request_id", "round", "sent_at") VALUES (${request.id}, ${round}, ${clock.now()})
        ON CONFLICT DO NOTHING RETURNING "round"`;
      if (claimed.length === 0) return false;
      const recipients = await queueForDeciders(tx, { modelId: request.modelId, model: request.model, requestId: request.id, actorId: null, reminder: true }, (userId) => ({
        kind: 'reminder',
        key: `reminder:${request.id}:${round}:${userId}`,
        userId,
        requestId: request.id,
        round,
      }));
      await recordAudit(tx, REMINDERS, {
        action: 'request.reminded',
        model: { id: request.modelId, name: request.model },
        version: { id: request.versionId, number: request.version },
        data: { requestId: request.id, round, remindAfterHours: hours, recipients },
      });
      return true;
    });
    if (sent) reminded += 1;
  }
  return reminded;
}
