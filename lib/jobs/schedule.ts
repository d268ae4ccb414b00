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
export const SCHEDULE: ScheduledTask[] = [];
