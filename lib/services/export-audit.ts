import { assertAllowed } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import type { AuditFilters } from '@/lib/validations/audit';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { recordCheckpoint } from './audit-checkpoint';
import { openAuditRows } from './internal/audit-rows';
import { stringify } from 'csv-stringify/sync';

export const EXPORT_COLUMNS = [
  'id', 'at', 'actor_id', 'actor', 'action', 'model_id', 'model', 'version_id', 'version', 'from_stage', 'to_stage',
  'comment', 'override', 'data', 'chain_key', 'chain_seq', 'prev_hash', 'hash', 'canonical',
] as const;

type ExportColumn = (typeof EXPORT_COLUMNS)[number];
type ExportRow = Record<Exclude<ExportColumn, 'data'>, string | number | boolean | null> & { id: string; data: unknown };

// Each column's SQL, selected in EXPORT_COLUMNS order so that a row object serialises in that order.
// The id (bigint) arrives as text from pg; the time is formatted as the canonical text formats it.
const COLUMN_SQL: Record<ExportColumn, string> = {
  id: 'e.id',
  at: `to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  actor_id: 'e.actor_id',
  actor: 'e.actor_label',
  action: 'e.action',
  model_id: 'e.model_id',
  model: 'e.model_name',
  version_id: 'e.version_id',
  version: 'e.version_number',
  from_stage: 'e.from_stage::text',
  to_stage: 'e.to_stage::text',
  comment: 'e.comment',
  override: 'e.override',
  data: 'e.data',
  chain_key: 'e.chain_key',
  chain_seq: 'e.chain_seq',
  prev_hash: 'e.prev_hash',
  hash: 'e.hash',
  canonical: 'modelgate_audit_canonical(e)',
};
const SELECT_LIST = EXPORT_COLUMNS.map((c) => `${COLUMN_SQL[c]} AS "${c}"`).join(', ');

/** Rows encoded per chunk sent. */
const CHUNK_ROWS = 500;

function conditions(filters: AuditFilters): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (filters.model) parts.push(Prisma.sql`e.model_name = ${filters.model}`);
  if (filters.actor) parts.push(Prisma.sql`e.actor_label LIKE ${`${filters.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filters.action) parts.push(Prisma.sql`e.action = ${filters.action}`);
  if (filters.from) parts.push(Prisma.sql`e.at >= ${filters.from}`);
  if (filters.to) parts.push(Prisma.sql`e.at <= ${filters.to}`);
  return Prisma.join(parts, ' AND ');
}

/** One model's events (by its id, so they survive renames), oldest first, with the hash columns and canonical text. */
export async function modelAuditRows(modelId: string): Promise<ExportRow[]> {
  // Through Prisma a bigint arrives as a BigInt, which JSON cannot hold: the id is read as text, as pg gives it.
  return db.$queryRawUnsafe<ExportRow[]>(`SELECT ${SELECT_LIST.replace('e.id AS "id"', 'e.id::text AS "id"')} FROM audit_event e WHERE e.model_id = $1 ORDER BY e.id`, modelId);
}

/** The rows as the audit export's CSV (same columns, formula-escaped), header included. */
export function auditRowsCsv(rows: ExportRow[]): string {
  return new TextDecoder().decode(encoder('csv')(rows));
}

export type { ExportRow as AuditExportRow };

function encoder(format: 'csv' | 'ndjson') {
  const text = new TextEncoder();
  let header = format === 'csv';
  return (rows: ExportRow[]): Uint8Array => {
    let out = '';
    if (format === 'ndjson') {
      // Rows arrive with their fields in EXPORT_COLUMNS order, data as parsed JSON.
      for (const row of rows) out += `${JSON.stringify(row)}\n`;
    } else {
      // csv-stringify encodes ~130k such rows/s here: a sixth of the export's time, not worth hand-written CSV.
      out = stringify(
        rows.map((row) => EXPORT_COLUMNS.map((c) => (c === 'data' ? JSON.stringify(row.data) : row[c]))),
        // escape_formulas: a cell that starts with = + - @ (or their full-width forms), a tab or a carriage return
        // gets a leading ' so that a spreadsheet shows people's comments and names instead of running them.
        // The canonical column (a JSON array) never starts with one, so it stays exactly the hashed text.
        { header, columns: [...EXPORT_COLUMNS], cast: { boolean: (v) => String(v) }, escape_formulas: true },
      );
    }
    header = false;
    return text.encode(out);
  };
}

export interface AuditExport {
  /** How many events the stream holds, counted in the same snapshot. */
  total: number;
  stream: ReadableStream<Uint8Array>;
}

/**
 * The audit history as CSV or NDJSON, oldest first, from one consistent snapshot (the count too), read
 * through a server-side cursor only as fast as the client downloads: a million events never sit in
 * memory together. The connection goes back to the pool when the download ends, fails, or the client
 * goes away. Rows carry the hash columns and the exact canonical text that was hashed, so an auditor can
 * re-verify the chains outside the app. The export itself is audited before the first byte is sent.
 */
export async function exportAudit(actor: Actor, filters: AuditFilters, format: 'csv' | 'ndjson'): Promise<AuditExport> {
  assertAllowed(actor, 'audit.export', 'global');
  // A fresh signed checkpoint of every chain first, so the export carries one (as an audit.checkpointed
  // row) that covers everything before it: keep it, and a later export can be checked against it.
  await db.$transaction(async (tx) => {
    await recordCheckpoint(tx, actor);
    await recordAudit(tx, actor, { action: 'audit.exported', data: { format, filters: JSON.parse(JSON.stringify(filters)) } });
  });
  const rows = await openAuditRows<ExportRow>({ select: SELECT_LIST, where: conditions(filters) });
  const encode = encoder(format);
  let started = false;
  return {
    total: rows.total,
    stream: new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const batch = await rows.read(CHUNK_ROWS);
          // A CSV export of nothing is still its header line.
          if (batch || (format === 'csv' && !started)) controller.enqueue(encode(batch ?? []));
          started = true;
          if (!batch) {
            await rows.close();
            controller.close();
          }
        } catch (error) {
          await rows.close(error);
          controller.error(error);
        }
      },
      async cancel() {
        await rows.close();
      },
    }),
  };
}
