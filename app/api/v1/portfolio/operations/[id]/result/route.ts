// GET /api/v1/portfolio/operations/:id/result?format=csv|json – a bulk operation's outcome per item, as a file
import { stringify } from 'csv-stringify/sync';
import { portfolioCsvRows } from '@/lib/registry';
import { rawResponse } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { portfolioOperationFor } from '@/lib/db/queries/portfolio-operation';
import { ZPortfolioOperationParams, ZPortfolioResultQuery } from '@/lib/validations/portfolio';

export const GET = route({
  summary: "Download a bulk operation's result: one row per item with its outcome, code, reason, before and after",
  description: 'CSV cells that a spreadsheet would run as formulas (starting with = + - @, a tab or a carriage return) get a leading apostrophe, as in the audit export.',
  permission: 'registry.read',
  scope: 'list',
  params: ZPortfolioOperationParams,
  query: ZPortfolioResultQuery,
  response: rawResponse(['text/csv', 'application/json'], 'The result as an attachment.'),
  handler: async ({ actor, params, query }) => {
    const operation = await portfolioOperationFor(actor, { id: params.id });
    const body = query.format === 'csv' ? stringify(portfolioCsvRows(operation.items), { bom: true, escape_formulas: true }) : `${JSON.stringify(operation, null, 2)}\n`;
    return new Response(body, {
      headers: {
        'Content-Type': query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="modelgate-portfolio-${operation.id}.${query.format}"`,
        'Cache-Control': 'no-store',
      },
    });
  },
});
