// Runs once when a Next.js server starts: the webhook outbox dispatcher, the audit checkpoint signer and the
// job queue's worker and scheduler (lib/jobs/runner.ts) live in every app instance, each request is stamped with its TCP peer for the sign-in limits
// (lib/auth/client-address.ts), and the change feed that keeps the serving caches honest starts listening
// (lib/serving/change-feed.ts; without it the caches are bypassed).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampPeerAddresses } = await import('./lib/auth/client-address');
  stampPeerAddresses();
  if (process.env.DATABASE_URL) {
    const { changeFeed } = await import('./lib/serving/change-feed');
    changeFeed.start();
    const { startWebhookWorker } = await import('./lib/webhooks/worker');
    startWebhookWorker();
    const { startCheckpointWorker } = await import('./lib/audit/checkpoint-worker');
    startCheckpointWorker();
    const { startJobRunner } = await import('./lib/jobs/runner');
    void startJobRunner();
  }
}
