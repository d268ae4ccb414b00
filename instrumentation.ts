// Runs once when a Next.js server starts: the webhook outbox dispatcher and the audit checkpoint signer
// live in every app instance.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.DATABASE_URL) {
    const { startWebhookWorker } = await import('./lib/webhooks/worker');
    startWebhookWorker();
    const { startCheckpointWorker } = await import('./lib/audit/checkpoint-worker');
    startCheckpointWorker();
  }
}
