import { deliverEmailJob } from '@/lib/notifications/deliver';
import { ZEmailJob } from '@/lib/notifications/payload';
import { logger } from '@/lib/observability/logger';

/** send_email: one notification e-mail, re-checked against its recipient's rights and choices first. */
export async function sendEmailTask(payload: unknown): Promise<void> {
  const job = ZEmailJob.parse(payload);
  const outcome = await deliverEmailJob(job);
  logger.info({ key: job.key, ...outcome }, outcome.sent ? 'notification e-mail sent' : 'notification e-mail not sent');
}
