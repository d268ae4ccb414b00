import { stringify } from 'csv-stringify/sync';
import { assertCan } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import type { AuditFilters } from '@/lib/validations/audit';
import type { Actor } from './actor';
import { recordAudit } from './audit';

export const EXPORT_COLUMNS = [
  'id', 'at', 'actor_id', 'actor', 'action', 'model_id', 'model', 'version_id', 'version', 'from_stage', 'to_stage',
  'comment', 'override', 'data', 'chain_key', 'chain_seq', 'prev_hash', 'hash', 'canonical',
] as const;

type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null>;

const BATCH = 2_000;

function conditions(filters: AuditFilters, after: bigint): Prisma.Sql {
  const parts = [Prisma.sql`e.id > ${after}`];
  if (filters.model) parts.push(Prisma.sql`e.model_name = ${filters.model}`);
  if (filters.actor) parts.push(Prisma.sql`e.actor_label LIKE ${`${filters.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filters.action) parts.push(Prisma.sql`e.action = ${filters.action}`);
  if (filters.from) parts.push(Prisma.sql`e.at >= ${filters.from}`);
  if (filters.to) parts.push(Prisma.sql`e.at <= ${filters.to}`);
  return Prisma.join(parts, ' AND ');
}

async function fetchBatch(filters: AuditFilters, after: bigint): Promise<(ExportRow & { rawId: bigint })[]> {
  const rows = await db.$queryRaw<(Omit<ExportRow, 'id' | 'at'> & { id: bigint; at: Date; data: unknown })[]>`
    SELECT e.id, e.at, e.actor_id, e.actor_label AS actor, e.action, e.model_id, e.model_name AS model, e.version_id,
      e.version_number AS version, e.from_stage::text, e.to_stage::text, e.comment, e.override, e.data, e.chain_key,
      e.chain_seq, e.prev_hash, e.hash, modelgate_audit_canonical(e) AS canonical
    FROM audit_event e
    WHERE ${conditions(filters, after)}
    ORDER BY e.id
    LIMIT ${BATCH}`;
  return rows.map((r) => ({ ...r, rawId: r.id, id: r.id.toString(), at: r.at.toISOString(), data: JSON.stringify(r.data) }));
}

/**
 * The audit history as CSV or NDJSON, oldest first, streamed from the database a batch at a time (keyset
 * on id), so a million events never sit in memory together. Rows carry the hash columns and the exact
 * canonical text that was hashed, so an auditor can re-verify the chains outside the app. The export
 * itself is audited before the first byte is sent.
 */
export async function exportAudit(actor: Actor, filters: AuditFilters, format: 'csv' | 'ndjson'): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor.role, 'audit.export');
  await db.$transaction((tx) =>
    recordAudit(tx, actor, { action: 'audit.exported', data: { format, filters: JSON.parse(JSON.stringify(filters)) } }),
  );
  const encoder = new TextEncoder();
  let after = 0n;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const rows = await fetchBatch(filters, after);
      if (format === 'csv') {
        const body = rows.map((row) => EXPORT_COLUMNS.map((c) => row[c]));
        controller.enqueue(encoder.encode(stringify(body, { header: first, columns: [...EXPORT_COLUMNS], cast: { boolean: (v) => String(v) } })));
      } else {
        const lines = rows.map((row) => JSON.stringify(Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, c === 'data' ? JSON.parse(String(row.data)) : row[c]]))));
        controller.enqueue(encoder.encode(lines.map((line) => `${line}\n`).join('')));
      }
      first = false;
      const last = rows[rows.length - 1];
      if (!last || rows.length < BATCH) controller.close();
      else after = last.rawId;
    },
  });
}

/** How many events an export with these filters will contain, for the progress bar. */
export async function countAuditEvents(filters: AuditFilters): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_event e WHERE ${conditions(filters, 0n)}`;
  return Number(row?.n ?? 0);
}
