// GET /api/admin/registry/export?model= – the registry's current state (models, versions, documentation, metrics,
// stages, Production periods) as JSON; ?model= narrows it to one model
import { z } from 'zod';
import { rawResponse } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { exportRegistry } from '@/lib/services/export-registry';

const ZRegistryExportQuery = z.object({ model: z.string().min(1).max(128).optional().meta({ description: 'Export this model only (404 when there is none)' }) });

export const GET = route({
  summary: "Download the registry's current state (models, versions, metadata, metrics, stages, Production periods) as one JSON file",
  description:
    'Streamed model by model: `{ exportedAt, models: [{ name, …, policy, aliases, productionPeriods: [{ version, startedAt, endedAt, startedBy, endedReason }], versions: [...] }] }`. Audited as registry.exported. For one model with its audit events and hash chain, see GET /api/v1/models/{name}/export.',
  permission: 'audit.export',
  scope: 'global',
  query: ZRegistryExportQuery,
  response: rawResponse(['application/json'], 'The registry as a JSON attachment.'),
  handler: async ({ actor, query }) => {
    const stamp = new Date().toISOString().slice(0, 10);
    const suffix = query.model ? `-${query.model.replace(/[^\w.-]/g, '_')}` : '';
    return new Response(await exportRegistry(actor, { model: query.model }), {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="modelgate-registry${suffix}-${stamp}.json"`, 'Cache-Control': 'no-store' },
    });
  },
});
