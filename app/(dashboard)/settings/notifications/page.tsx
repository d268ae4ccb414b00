import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/current-user';
import { loadNotificationPreferences } from '@/lib/db/queries/notification-preferences';
import { mailEnabled } from '@/lib/notifications/mailer';
import { NotificationSettings } from '@/components/settings/notification-settings';

export const metadata: Metadata = { title: 'Notifications · Settings' };

export default async function NotificationSettingsPage() {
  const user = await requireUser();
  const { preferences, updatedAt } = await loadNotificationPreferences(user.id!);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
        <p className="mt-1 text-sm text-ink-muted">Choose which e-mails Modelgate sends you. Each message names the model and version and links to it.</p>
      </header>
      <NotificationSettings email={user.email} initial={{ preferences, updatedAt: updatedAt?.toISOString() ?? null, mail: { enabled: mailEnabled() } }} />
    </div>
  );
}
