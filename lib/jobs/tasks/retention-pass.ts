import { z } from 'zod';
import { logger } from '@/lib/observability/logger';
import { applyRetentionPass } from '@/lib/services/apply-retention';

/** The cron tick graphile-worker adds to a scheduled job's payload; nothing else is expected. */
const ZPayload = z.looseObject({ _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional() });

/**
 * `retention_pass`: every model's retention rule, applied once (lib/services/apply-retention.ts). Safe to run
 * twice — a retry, or a tick two instances both saw: each model is passed under its row lock and a version
 * already archived is not archived (or audited) again. Throws when a model failed, so the queue retries.
 */
export async function retentionPass(payload: unknown): Promise<void> {
  const parsed = ZPayload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`retention_pass: unexpected payload: ${parsed.error.message}`);
  const { models, archived } = await applyRetentionPass();
  if (archived > 0) logger.info({ models, archived, tick: parsed.data._cron?.ts }, 'retention pass archived versions');
}
