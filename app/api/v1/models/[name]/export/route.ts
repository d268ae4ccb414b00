// GET /api/v1/models/:name/export?part=bundle|csv|ndjson – one model's history for auditors: the model, its
// versions and Production periods with every audit event and its hash chain (bundle, JSON), or those events
// alone as CSV or NDJSON (the NDJSON checks offline with `npm run audit:verify`).
import { z } from 'zod';
import { modelParam, rawResponse } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { exportModel } from '@/lib/services/export-model';
import { ZModelParams } from '@/lib/validations/api-v1';

const ZPart = z.object({ part: z.enum(['bundle', 'csv', 'ndjson']).default('bundle').meta({ description: 'bundle (JSON), csv or ndjson (the events)' }) });

const TYPES = { bundle: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson; charset=utf-8' } as const;
const FILES = { bundle: 'bundle.json', csv: 'events.csv', ndjson: 'events.ndjson' } as const;

export const GET = route({
  summary: "Export one model's history: versions, Production periods and audit events with their hash chain",
  description: 'Audited as model.exported. The events are those of the model (by id, across renames), oldest first, with chain_key, chain_seq, prev_hash, hash and the canonical text hashed.',
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZModelParams,
  query: ZPart,
  response: rawResponse(['application/json', 'text/csv', 'application/x-ndjson'], 'The bundle or its events as an attachment.'),
  handler: async ({ actor, params, query }) => {
    const { bundle, csv, ndjson } = await exportModel(actor, params.name);
    const body = query.part === 'bundle' ? `${JSON.stringify(bundle, null, 2)}\n` : query.part === 'csv' ? csv : ndjson;
    const safeName = params.name.replace(/[^\w.-]/g, '_');
    return new Response(body, {
      headers: {
        'Content-Type': TYPES[query.part],
        'Content-Disposition': `attachment; filename="modelgate-${safeName}-${FILES[query.part]}"`,
        'X-Total-Count': String(bundle.auditEvents.length),
        'Cache-Control': 'no-store',
      },
    });
  },
});
