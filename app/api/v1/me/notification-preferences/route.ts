// GET /api/v1/me/notification-preferences – which e-mails the caller receives; PUT – change them (all four switches)
import { ZNotificationSettings } from '@/lib/api-v1/schemas/notifications';
import { loadNotificationPreferences } from '@/lib/db/queries/notification-preferences';
import { RegistryError, ZNotificationPreferences } from '@/lib/registry';
import { route } from '@/lib/http/route';
import { mailEnabled } from '@/lib/notifications/mailer';
import { updateNotificationPreferences } from '@/lib/services/update-notification-preferences';

const ownId = (actor: { id: string | null }) => {
  if (!actor.id) throw new RegistryError('FORBIDDEN', 'Only a signed-in person has notification settings.');
  return actor.id;
};

export const GET = route({
  summary: 'Your e-mail notification settings',
  permission: 'notifications.manage',
  scope: 'global',
  response: ZNotificationSettings,
  handler: async ({ actor }) => {
    const { preferences, updatedAt } = await loadNotificationPreferences(ownId(actor));
    return { preferences, updatedAt: updatedAt?.toISOString() ?? null, mail: { enabled: mailEnabled() } };
  },
});

export const PUT = route({
  summary: 'Choose which e-mail notifications you receive',
  description: 'Send all four switches. The change is recorded in the audit log (notifications.preferences_updated) with the choices before and after.',
  permission: 'notifications.manage',
  scope: 'global',
  body: ZNotificationPreferences,
  response: ZNotificationSettings,
  handler: async ({ actor, body }) => {
    const { preferences, updatedAt } = await updateNotificationPreferences(actor, body);
    return { preferences, updatedAt: updatedAt.toISOString(), mail: { enabled: mailEnabled() } };
  },
});
