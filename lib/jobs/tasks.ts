import type { JobHelpers } from 'graphile-worker';

/**
 * Every task the job queue runs, by name. A task validates its payload (zod) and must be safe to run twice:
 * graphile-worker retries a job that threw, and a job running when its process died runs again later.
 * Add a task as its own file in lib/jobs/tasks/ and one line here.
 */
export const TASKS = {
  /** Does nothing; lets an operator (and the tests) check that the queue runs. */
  noop: async () => {},
} satisfies Record<string, (payload: unknown, helpers: JobHelpers) => Promise<void>>;

export type TaskName = keyof typeof TASKS;
