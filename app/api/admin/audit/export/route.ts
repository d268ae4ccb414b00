// GET /api/admin/audit/export?format=csv|ndjson&model=&actor=&action=&from=&to= – stream the audit history with its hash columns
import { withUser } from '@/lib/http/handler';
import { exportAudit } from '@/lib/services/export-audit';
import { withoutEmpty, ZExportQuery } from '@/lib/validations/audit';

export const GET = withUser(
  async ({ req, user }) => {
    const { format, ...filters } = ZExportQuery.parse(withoutEmpty(req.nextUrl.searchParams));
    const { total, stream } = await exportAudit(user, filters, format);
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
  { permission: 'audit.export' },
);
