// POST /api/v1/models/:name/health – a serving system reports health ({ healthy, reason } or { metrics }); may roll back automatically
import { ZHealthResult } from '@/lib/api-v1/schemas/serving';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { reportHealth } from '@/lib/services/report-health';
import { ZHealthBody, ZModelParams } from '@/lib/validations/api-v1';

export const POST = route({
  summary: 'Report the health of the served version',
  description: "After the policy's number of consecutive unhealthy reports within its window, Production is rolled back automatically and the version tagged failed.",
  permission: 'health.report',
  scope: modelParam('name'),
  params: ZModelParams,
  body: ZHealthBody,
  response: ZHealthResult,
  handler: ({ actor, params, body }) => reportHealth(actor, { model: params.name, ...body }),
});
