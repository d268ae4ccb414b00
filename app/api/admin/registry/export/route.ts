// GET /api/admin/registry/export – the registry's current state (models, versions, metadata, metrics, stages) as JSON
import { rawResponse } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { exportRegistry } from '@/lib/services/export-registry';

export const GET = route({
  summary: "Download the registry's current state (models, versions, metadata, metrics, stages) as one JSON file",
  permission: 'audit.export',
  scope: 'global',
  response: rawResponse(['application/json'], 'The registry as a JSON attachment.'),
  handler: async ({ actor }) => {
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(await exportRegistry(actor), {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="modelgate-registry-${stamp}.json"`, 'Cache-Control': 'no-store' },
    });
  },
});
