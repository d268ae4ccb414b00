import { sendDueReminders } from '@/lib/notifications/reminders';

/** request_reminders (cron, every 15 minutes): one reminder per overdue request and round. */
export async function requestRemindersTask(): Promise<void> {
  await sendDueReminders();
}
