import { z } from 'zod';
import { ZNotificationPreferences } from '@/lib/registry';
import { ZDateTime } from './common';

export const ZNotificationSettings = z
  .object({
    preferences: ZNotificationPreferences.meta({
      id: 'NotificationPreferences',
      description:
        'Which e-mails you receive: newRequests (a request you can decide), decisions (on your requests), mentions (in comments), reminders (a request you can decide waits past its policy). All true until changed.',
    }),
    updatedAt: ZDateTime.nullable().meta({ description: 'When you last changed them; null: never (the defaults)' }),
    mail: z
      .object({ enabled: z.boolean().meta({ description: 'False when the server has no SMTP server configured (MODELGATE_SMTP_URL): nothing is sent to anyone' }) })
      .meta({ description: 'Whether this server sends e-mail at all' }),
  })
  .meta({ id: 'NotificationSettings' });
