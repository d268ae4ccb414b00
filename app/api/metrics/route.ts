// GET /api/metrics – Prometheus metrics: request latency per route, database pools, outbox depth, job queue, serving caches
import { countJobs } from '@/lib/db/queries/jobs';
import { countPendingDeliveries } from '@/lib/db/queries/outbox';
import { rawResponse } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { metrics } from '@/lib/observability/metrics';

export const GET = route({
  summary: 'Prometheus metrics for operators',
  description:
    'The Prometheus text format. Admins may read it with their token; a scraper should instead send the secret set in MODELGATE_METRICS_TOKEN (at least 16 characters), which opens this endpoint and nothing else.',
  permission: 'metrics.read',
  scope: 'global',
  secretEnv: 'MODELGATE_METRICS_TOKEN',
  response: rawResponse(['text/plain; version=0.0.4'], 'Prometheus exposition format'),
  handler: async () => {
    const [pending, jobs] = await Promise.all([countPendingDeliveries(), countJobs()]);
    metrics.outbox.set(pending);
    metrics.jobs.set({ state: 'waiting' }, jobs.waiting);
    metrics.jobs.set({ state: 'failed' }, jobs.failed);
    return new Response(await metrics.registry.metrics(), { headers: { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' } });
  },
});
