// GET /api/admin/audit/export?format=csv|ndjson&model=&actor=&action=&from=&to= – stream the audit history with its hash columns
import { rawResponse } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { exportAudit } from '@/lib/services/export-audit';
import { ZExportQuery } from '@/lib/validations/audit';

export const GET = route({
  summary: 'Stream the audit history (CSV or NDJSON) with its hash-chain columns',
  permission: 'audit.export',
  scope: 'global',
  query: ZExportQuery,
  response: rawResponse(['text/csv', 'application/x-ndjson'], 'The events, oldest first; X-Total-Count gives their number.'),
  handler: async ({ actor, query }) => {
    const { format, ...filters } = query;
    const { total, stream } = await exportAudit(actor, filters, format);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    return new Response(stream, {
      headers: {
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'Content-Disposition': `attachment; filename="modelgate-audit-${stamp}.${format === 'csv' ? 'csv' : 'ndjson'}"`,
        'X-Total-Count': String(total),
        'Cache-Control': 'no-store',
      },
    });
  },
});
