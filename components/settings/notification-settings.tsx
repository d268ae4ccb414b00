'use client';

import { useId, useState } from 'react';
import { MailX } from 'lucide-react';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from '@/lib/registry/notifications';
import { useNotificationSettings, useSaveNotificationPreferences, type NotificationSettings as Settings } from '@/lib/queries/use-notification-preferences';
import { RelativeTime } from '@/components/ui/relative-time';

/** Four switches, each saved as soon as it changes. */
export function NotificationSettings({ initial, email }: { initial: Settings; email: string }) {
  const id = useId();
  const { data } = useNotificationSettings(initial);
  const save = useSaveNotificationPreferences();
  // What the switches show: moved at once, before the server answers; back to the saved choices if it refuses.
  const [shown, setShown] = useState(data.preferences);
  const toggle = (kind: NotificationKind, on: boolean) => {
    const next = { ...shown, [kind]: on };
    setShown(next);
    save.mutate(next, { onError: () => setShown(data.preferences) });
  };

  return (
    <div className="space-y-4">
      {!data.mail.enabled && (
        <div role="status" className="flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200">
          <MailX aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p>
            Mail is off on this server: nobody receives e-mail until an administrator sets <span className="font-mono">MODELGATE_SMTP_URL</span>. Your choices are kept for
            when it is on.
          </p>
        </div>
      )}
      <fieldset className="rounded-lg border border-line bg-surface shadow-xs" aria-describedby={`${id}-to`} aria-busy={save.isPending}>
        <legend className="sr-only">E-mail notifications</legend>
        <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-4 py-3">
          <h2 className="text-sm font-semibold text-ink">E-mail me when…</h2>
          <p id={`${id}-to`} className="text-xs text-ink-muted">
            Sent to <span className="font-mono">{email}</span>
          </p>
        </div>
        <ul className="divide-y divide-line">
          {NOTIFICATION_KINDS.map((kind) => {
            const label = NOTIFICATION_KIND_LABELS[kind];
            return (
              <li key={kind} className="px-4 py-3">
                <label className="flex cursor-pointer items-start gap-3">
                  <input
                    type="checkbox"
                    role="switch"
                    name={kind}
                    className="mt-0.5 size-4 shrink-0 accent-accent"
                    checked={shown[kind]}
                    onChange={(e) => toggle(kind, e.target.checked)}
                    aria-describedby={`${id}-${kind}`}
                  />
                  <span>
                    <span className="text-sm font-medium text-ink">{label.title}</span>
                    <span id={`${id}-${kind}`} className="block text-xs text-ink-muted">
                      {label.detail}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <p className="text-xs text-ink-muted">
        {data.updatedAt ? (
          <>
            Last changed <RelativeTime iso={data.updatedAt} />. Every change is recorded in the audit log.
          </>
        ) : (
          'All on until you change them. Every change is recorded in the audit log.'
        )}
      </p>
    </div>
  );
}
