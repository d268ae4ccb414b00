import { assertAllowed, RegistryError, ZNotificationPreferences, type NotificationPreferences } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import { loadNotificationPreferences } from '@/lib/db/queries/notification-preferences';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';

/** The signed-in person chooses which e-mail notifications they receive; the change is audited with its before and after. */
export async function updateNotificationPreferences(actor: Actor, input: NotificationPreferences) {
  assertAllowed(actor, 'notifications.manage', 'global');
  const userId = actor.id;
  if (!userId) throw new RegistryError('FORBIDDEN', 'Only a signed-in person has notification settings.');
  const preferences = ZNotificationPreferences.parse(input);
  return inTransaction(async (tx) => {
    // Serialises two saves of one person's settings, so the audit's "before" is the row each replaced.
    await tx.$queryRaw`SELECT "id" FROM "app_user" WHERE "id" = ${userId} FOR UPDATE`;
    const before = await loadNotificationPreferences(userId, tx);
    const now = clock.now();
    await tx.notificationPreference.upsert({ where: { userId }, create: { userId, ...preferences, updatedAt: now }, update: { ...preferences, updatedAt: now } });
    await recordAudit(tx, actor, { action: 'notifications.preferences_updated', data: { before: before.preferences, after: preferences } });
    return { preferences, updatedAt: now };
  });
}
