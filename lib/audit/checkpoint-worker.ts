import { checkpointIfChanged } from '@/lib/services/audit-checkpoint';
import { logger } from '@/lib/observability/logger';

const MINUTES = Math.max(Number(process.env.MODELGATE_AUDIT_CHECKPOINT_MINUTES ?? 60) || 60, 0.05);
let timer: NodeJS.Timeout | undefined;

/**
 * Signs a checkpoint every hour (MODELGATE_AUDIT_CHECKPOINT_MINUTES) when anything was recorded since the
 * last one; webhooks subscribed to "audit.checkpointed" carry it off the database. Every instance runs one:
 * they take turns on an advisory lock, and an unchanged log gets no new checkpoint.
 */
export function startCheckpointWorker(): void {
  if (timer || !process.env.MODELGATE_AUDIT_SIGNING_KEY) return;
  timer = setInterval(() => {
    checkpointIfChanged().catch((error) => logger.error({ err: error instanceof Error ? error.message : String(error) }, 'audit checkpoint failed'));
  }, MINUTES * 60_000);
  timer.unref();
}
