// GET /api/health – liveness plus a database round trip, for load balancers and uptime checks
import { ZHealthCheck } from '@/lib/api-v1/schemas/serving';
import { checkDatabase } from '@/lib/db/health';
import { reply } from '@/lib/http/contract';
import { publicRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = publicRoute({
  summary: 'Liveness and a database round trip (no credentials needed)',
  response: ZHealthCheck,
  otherResponses: { 503: { description: 'The database is unreachable', schema: ZHealthCheck } },
  handler: async () => {
    const database = await checkDatabase();
    if (database.ok) return { status: 'ok', database: 'ok' } as const;
    return reply({ status: 'degraded', database: 'unreachable', reason: database.reason }, { status: 503 });
  },
});
