// Runs once when a Next.js server starts: the webhook outbox dispatcher lives in every app instance.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.DATABASE_URL) {
    const { startWebhookWorker } = await import('./lib/webhooks/worker');
    startWebhookWorker();
  }
}
