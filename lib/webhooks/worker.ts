import { deliverDue } from './dispatcher';
import { logger } from '@/lib/observability/logger';

const INTERVAL_MS = Math.max(Number(process.env.MODELGATE_WEBHOOK_INTERVAL_MS ?? 2_000) || 2_000, 50);
let timer: NodeJS.Timeout | undefined;

/**
 * Runs the dispatcher every two seconds (MODELGATE_WEBHOOK_INTERVAL_MS) in this server process. Every instance runs one; SKIP LOCKED
 * keeps them from sending the same delivery. Failures are logged and the loop carries on.
 */
export function startWebhookWorker(): void {
  if (timer || process.env.MODELGATE_WEBHOOKS === 'off') return;
  let running = false;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDue()
      .catch((error) => logger.error({ err: error instanceof Error ? error.message : String(error) }, 'webhook delivery failed'))
      .finally(() => {
        running = false;
      });
  }, INTERVAL_MS);
  timer.unref();
}
