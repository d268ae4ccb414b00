import { createHash, type KeyObject } from 'node:crypto';
import { checkpointSignatureValid, type Checkpoint } from './checkpoint';

/*
 * Checks an NDJSON audit export outside the app: each event's hash is sha256(prev_hash || canonical), each
 * links to the one before it in its chain without gaps, its canonical text says what its columns say, and —
 * given a signed checkpoint kept elsewhere — every chain head of that checkpoint is still in the export with
 * the same hash. That last part catches a cut tail and a consistently recomputed chain, which the hashes
 * alone cannot.
 */

export interface ExportRow {
  id: string;
  at: string;
  actor_id: string | null;
  actor: string;
  action: string;
  model_id: string | null;
  model: string | null;
  version_id: string | null;
  version: number | null;
  from_stage: string | null;
  to_stage: string | null;
  comment: string | null;
  override: boolean;
  data: unknown;
  chain_key: string;
  chain_seq: number;
  prev_hash: string;
  hash: string;
  canonical: string;
}

export interface ExportVerification {
  ok: boolean;
  events: number;
  chains: number;
  /** Signed checkpoints checked: those recorded in the export, and the one given. */
  checkpoints: number;
  problems: string[];
}

const GENESIS = '0'.repeat(64);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Deep equality of JSON values, key order ignored (jsonb reorders keys). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function columnsOf(row: ExportRow): unknown[] {
  return [row.chain_key, row.chain_seq, row.at, row.actor_id, row.actor, row.action, row.model_id, row.model, row.version_id, row.version, row.from_stage, row.to_stage, row.comment, row.override, row.data];
}

/** The event rows of an NDJSON export. */
export function readExport(text: string): { rows: ExportRow[] } {
  return { rows: text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as ExportRow) };
}

/** The signed checkpoints an export carries, as audit.checkpointed events, oldest first. */
export function checkpointsInside(rows: readonly ExportRow[]): Checkpoint[] {
  return rows.filter((r) => r.action === 'audit.checkpointed').map((r) => (r.data as { checkpoint?: Checkpoint } | null)?.checkpoint).filter((c): c is Checkpoint => !!c);
}

/**
 * `external` is a checkpoint kept outside the database (only that one shows a cut tail, or a chain rewritten
 * together with its checkpoint events); the export's own checkpoints show any rewrite of what they cover.
 */
export function verifyExport(rows: readonly ExportRow[], external: Checkpoint | null, publicKey: KeyObject | null): ExportVerification {
  const problems: string[] = [];
  const chains = new Map<string, ExportRow[]>();
  for (const row of rows) {
    const chain = chains.get(row.chain_key) ?? [];
    chain.push(row);
    chains.set(row.chain_key, chain);
  }
  for (const [key, chain] of chains) {
    chain.sort((a, b) => a.chain_seq - b.chain_seq);
    chain.forEach((row, i) => {
      const where = `event ${row.id} (${key} #${row.chain_seq})`;
      if (sha256(row.prev_hash + row.canonical) !== row.hash) problems.push(`${where}: its hash does not match its canonical text`);
      let canonical: unknown;
      try {
        canonical = JSON.parse(row.canonical);
      } catch {
        canonical = undefined;
      }
      if (!sameJson(canonical, columnsOf(row))) problems.push(`${where}: its columns differ from the canonical text that was hashed`);
      const previous = chain[i - 1];
      if (row.chain_seq !== (previous ? previous.chain_seq + 1 : 1)) problems.push(`${where}: the events before it in the chain are missing (sequence gap)`);
      if (row.prev_hash !== (previous ? previous.hash : GENESIS)) problems.push(`${where}: it does not link to the event before it`);
    });
  }
  const checkpoints = [...checkpointsInside(rows), ...(external ? [external] : [])];
  if (checkpoints.length > 0 && !publicKey) problems.push('no public key given: checkpoint signatures cannot be checked');
  for (const checkpoint of checkpoints) {
    if (publicKey && !checkpointSignatureValid(checkpoint, publicKey)) {
      problems.push(`the checkpoint of ${checkpoint.at} is not signed by this key (key id ${checkpoint.keyId})`);
      continue;
    }
    for (const head of checkpoint.heads) {
      const held = chains.get(head.chain)?.find((row) => row.chain_seq === head.seq);
      if (!held) {
        const last = chains.get(head.chain)?.at(-1)?.chain_seq ?? 0;
        problems.push(`${head.chain}: the checkpoint of ${checkpoint.at} has event #${head.seq}, the export ends at #${last} (events were removed)`);
      } else if (held.hash !== head.hash) {
        problems.push(`${head.chain} #${head.seq}: its hash differs from the signed checkpoint of ${checkpoint.at} (the chain was rewritten)`);
      }
    }
  }
  return { ok: problems.length === 0, events: rows.length, chains: chains.size, checkpoints: checkpoints.length, problems };
}
