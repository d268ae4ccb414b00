import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@/lib/registry';
import { db, type Tx } from '@/lib/db/prisma';

/** One person's choices (the defaults until they make one) and when they last changed them. */
export async function loadNotificationPreferences(userId: string, client: Tx = db): Promise<{ preferences: NotificationPreferences; updatedAt: Date | null }> {
  const row = await client.notificationPreference.findUnique({ where: { userId }, select: { newRequests: true, decisions: true, mentions: true, reminders: true, updatedAt: true } });
  if (!row) return { preferences: { ...DEFAULT_NOTIFICATION_PREFERENCES }, updatedAt: null };
  const { updatedAt, ...preferences } = row;
  return { preferences, updatedAt };
}

/** How many notification e-mails were handed to the SMTP server in the last `hours` hours (the admin overview). */
export function countNotificationsSent(hours: number): Promise<number> {
  return db.notificationSent.count({ where: { sentAt: { gt: new Date(Date.now() - hours * 3_600_000) } } });
}
