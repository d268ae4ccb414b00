import type { CronItem } from 'graphile-worker';
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
  // A reminder round is written once (request_reminder's key), so a tick that two instances both saw sends one.
  { task: 'request_reminders', match: '*/15 * * * *', identifier: 'request_reminders' },
];
