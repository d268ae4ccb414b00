// GET /api/admin/registry/export – the registry's current state (models, versions, metadata, metrics, stages) as JSON
import { withUser } from '@/lib/http/handler';
import { exportRegistry } from '@/lib/services/export-registry';

export const GET = withUser(
  async ({ user }) => {
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(await exportRegistry(user), {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="modelgate-registry-${stamp}.json"`, 'Cache-Control': 'no-store' },
    });
  },
  { permission: 'audit.export' },
);
