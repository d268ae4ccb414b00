import { assertAllowed } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import type { AuditFilters } from '@/lib/validations/audit';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { recordCheckpoint } from './audit-checkpoint';
import { openAuditCopy } from './internal/audit-copy';
import { stringify } from 'csv-stringify/sync';

export const EXPORT_COLUMNS = [
  'id', 'at', 'actor_id', 'actor', 'action', 'model_id', 'model', 'version_id', 'version', 'from_stage', 'to_stage',
  'comment', 'override', 'data', 'chain_key', 'chain_seq', 'prev_hash', 'hash', 'canonical',
] as const;

type ExportColumn = (typeof EXPORT_COLUMNS)[number];

// Each column's SQL, in EXPORT_COLUMNS order. Postgres encodes the rows itself (COPY), so each is the
// value the export shows: the id (bigint) as text, so that NDJSON readers keep every digit; the time as
// the canonical text formats it.
const COLUMN_SQL: Record<ExportColumn, string> = {
  id: 'e.id::text',
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

// A CSV cell that starts with = + - @ (or their full-width forms), a tab or a carriage return gets a leading '
// so that a spreadsheet shows people's comments and names instead of running them (the characters
// csv-stringify's escape_formulas covers). The first character's code point is compared in SQL, next to
// nothing per cell. The canonical column (a JSON array) never starts with one, so it stays exactly the
// hashed text; the numbers, the time and the flag never do either.
const FORMULA_CODE_POINTS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'].map((c) => c.codePointAt(0)).join(', ');
const NEVER_A_FORMULA = new Set<ExportColumn>(['id', 'at', 'version', 'override', 'chain_seq', 'canonical']);

function csvCell(column: ExportColumn): string {
  const text = column === 'override' || column === 'data' ? `${COLUMN_SQL[column]}::text` : COLUMN_SQL[column];
  if (NEVER_A_FORMULA.has(column)) return `${text} AS "${column}"`;
  return `CASE WHEN ascii(${text}) IN (${FORMULA_CODE_POINTS}) THEN '''' || ${text} ELSE ${text} END AS "${column}"`;
}

const CSV_SELECT = EXPORT_COLUMNS.map(csvCell).join(', ');
const JSON_SELECT = EXPORT_COLUMNS.map((c) => `${COLUMN_SQL[c]} AS "${c}"`).join(', ');

/**
 * The COPY statement of a format. CSV is COPY's own: RFC 4180 quoting and a header line. NDJSON is one
 * row_to_json per line, sent through COPY's CSV format with a quote and a delimiter that JSON text never
 * holds raw (Postgres writes control characters in JSON as \u00XX), so that each line goes out as
 * Postgres wrote it; COPY's text format would double every backslash.
 */
function copyStatement(format: 'csv' | 'ndjson', where: string): string {
  const rows = (select: string) => `SELECT ${select} FROM audit_event e WHERE ${where} ORDER BY e.id`;
  return format === 'csv'
    ? `COPY (${rows(CSV_SELECT)}) TO STDOUT (FORMAT csv, HEADER true)`
    : `COPY (SELECT row_to_json(r) FROM (${rows(JSON_SELECT)}) r) TO STDOUT (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')`;
}

function conditions(filters: AuditFilters): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (filters.model) parts.push(Prisma.sql`e.model_name = ${filters.model}`);
  if (filters.actor) parts.push(Prisma.sql`e.actor_label LIKE ${`${filters.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filters.action) parts.push(Prisma.sql`e.action = ${filters.action}`);
  if (filters.from) parts.push(Prisma.sql`e.at >= ${filters.from}`);
  if (filters.to) parts.push(Prisma.sql`e.at <= ${filters.to}`);
  return Prisma.join(parts, ' AND ');
}

type ExportRow = Record<ExportColumn, unknown>;
export type { ExportRow as AuditExportRow };

/** One model's events (by its id, so they survive renames), oldest first, as the NDJSON export has them. */
export async function modelAuditRows(modelId: string): Promise<ExportRow[]> {
  return db.$queryRawUnsafe<ExportRow[]>(`SELECT ${JSON_SELECT} FROM audit_event e WHERE e.model_id = $1 ORDER BY e.id`, modelId);
}

/** One model's events as the audit export's CSV (same columns, formula-escaped in SQL), header included. */
export async function modelAuditCsv(modelId: string): Promise<string> {
  const rows = await db.$queryRawUnsafe<Record<ExportColumn, unknown>[]>(`SELECT ${CSV_SELECT} FROM audit_event e WHERE e.model_id = $1 ORDER BY e.id`, modelId);
  return stringify(
    rows.map((row) => EXPORT_COLUMNS.map((c) => row[c])),
    { header: true, columns: [...EXPORT_COLUMNS] },
  );
}

export interface AuditExport {
  /** How many events the stream holds, counted in the same snapshot. */
  total: number;
  stream: ReadableStream<Uint8Array>;
}

/**
 * The audit history as CSV or NDJSON, oldest first, from one consistent snapshot (the count too), encoded
 * by Postgres (`COPY … TO STDOUT`) and passed on in the buffers it arrives in, only as fast as the client
 * downloads: a million events never sit in memory together, and no row becomes a JavaScript object. The
 * connection goes back to the pool when the download ends, or is discarded when it fails or the client
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
  const copy = await openAuditCopy({ where: conditions(filters), copy: (where) => copyStatement(format, where) });
  return {
    total: copy.total,
    stream: new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          try {
            const chunk = await copy.read();
            if (chunk) return controller.enqueue(chunk);
            await copy.close();
            controller.close();
          } catch (error) {
            await copy.close(error);
            controller.error(error);
          }
        },
        async cancel() {
          await copy.close();
        },
      },
      // Chunks arrive as Postgres's socket reads (up to ~64 KiB): one queued is enough to keep the download busy.
      { highWaterMark: 1 },
    ),
  };
}
