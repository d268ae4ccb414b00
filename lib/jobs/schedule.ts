import { parseCronItems, type CronItem } from 'graphile-worker';
import { logger } from '@/lib/observability/logger';
import type { TaskName } from './tasks';

export interface ScheduledTask extends CronItem {
  task: TaskName;
}

/**
 * Recurring work, as graphile-worker cron items. Every app process runs the scheduler, and graphile's
 * known-crontabs row for each identifier (updated in one statement) lets exactly one of them queue each
 * tick: the database decides who runs a pass, not the instances.
 */
export const SCHEDULE: ScheduledTask[] = [
  {
    task: 'retention_pass',
    identifier: 'retention_pass',
    match: cronFromEnv('MODELGATE_RETENTION_SCHEDULE', '0 * * * *'),
    // No catching up on missed ticks (one pass does the work of many); a tick queued while the last one
    // still waits replaces it instead of piling up; a failing pass is tried three times, then waits for the next tick.
    options: { backfillPeriod: 0, jobKey: 'retention_pass', maxAttempts: 3 },
  },
  // A reminder round is written once (request_reminder's key), so two passes in one round send one reminder;
  // missed ticks are not caught up (the next pass sees every overdue request).
  { task: 'request_reminders', identifier: 'request_reminders', match: '*/15 * * * *', options: { backfillPeriod: 0, jobKey: 'request_reminders', maxAttempts: 3 } },
];

/**
 * A cron expression from the environment, or `fallback`. A bad one is logged and replaced by the fallback:
 * one mistyped variable must not stop the whole job queue (graphile refuses a schedule it cannot read).
 */
export function cronFromEnv(name: string, fallback: string): string {
  const value = process.env[name]?.trim();
  if (!value) return fallback;
  try {
    parseCronItems([{ task: 'check', identifier: 'check', match: value }]);
    return value;
  } catch (error) {
    logger.error({ [name]: value, err: error instanceof Error ? error.message : String(error) }, `${name} is not a cron expression (e.g. "0 * * * *"); using "${fallback}"`);
    return fallback;
  }
}
