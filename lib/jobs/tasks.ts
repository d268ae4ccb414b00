import type { JobHelpers } from 'graphile-worker';
import { retentionPass } from './tasks/retention-pass';
import { requestRemindersTask } from './tasks/request-reminders';
import { sendEmailTask } from './tasks/send-email';

/**
 * Every task the job queue runs, by name. A task validates its payload (zod) and must be safe to run twice:
 * graphile-worker retries a job that threw, and a job running when its process died runs again later.
 * Add a task as its own file in lib/jobs/tasks/ and one line here.
 */
export const TASKS = {
  /** Does nothing; lets an operator (and the tests) check that the queue runs. */
  noop: async () => {},
  /** Every model's retention rule, applied once (scheduled in lib/jobs/schedule.ts). */
  retention_pass: retentionPass,
  /** One notification e-mail (lib/notifications): re-checks its recipient, then hands it to the SMTP server. */
  send_email: sendEmailTask,
  /** Reminders for requests waiting past their policy's remindAfterHours (cron, every 15 minutes). */
  request_reminders: requestRemindersTask,
} satisfies Record<string, (payload: unknown, helpers: JobHelpers) => Promise<void>>;

export type TaskName = keyof typeof TASKS;
