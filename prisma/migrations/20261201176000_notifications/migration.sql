-- Notifications (issue 16, item 3): e-mail to approvers, requesters and mentioned people, and reminders.
-- notification_preference: what one person receives. No row means everything (the defaults are on), so
-- existing users need no backfill; a row is written the first time someone changes a choice.
CREATE TABLE "notification_preference" (
  "user_id"      TEXT NOT NULL,
  "new_requests" BOOLEAN NOT NULL DEFAULT true,
  "decisions"    BOOLEAN NOT NULL DEFAULT true,
  "mentions"     BOOLEAN NOT NULL DEFAULT true,
  "reminders"    BOOLEAN NOT NULL DEFAULT true,
  "updated_at"   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("user_id"),
  CONSTRAINT "notification_preference_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- request_reminder: one row per reminder round of a pending request (round n is due n × remindAfterHours
-- after the request was made). The primary key makes "send round n" happen once, however many instances or
-- passes of the reminder task see the request overdue at the same time.
CREATE TABLE "request_reminder" (
  "request_id" TEXT NOT NULL,
  "round"      INTEGER NOT NULL,
  "sent_at"    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "request_reminder_pkey" PRIMARY KEY ("request_id", "round"),
  CONSTRAINT "request_reminder_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "promotion_request"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- notification_sent: every e-mail handed to the SMTP server, by the job's key, so a job that runs twice
-- (the queue retries after a crash) does not send the same message twice.
CREATE TABLE "notification_sent" (
  "key"     TEXT NOT NULL,
  "user_id" TEXT NOT NULL,
  "kind"    TEXT NOT NULL,
  "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notification_sent_pkey" PRIMARY KEY ("key"),
  CONSTRAINT "notification_sent_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "notification_sent_user_id_sent_at_idx" ON "notification_sent" ("user_id", "sent_at");
