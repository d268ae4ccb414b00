import { assertAllowed } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import type { Actor } from './actor';
import { recordAudit } from './audit';

export interface ChainBreak {
  id: string;
  chainKey: string;
  chainSeq: number;
  reason: 'content-changed' | 'link-broken' | 'sequence-gap';
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  chains: number;
  firstBroken: ChainBreak | null;
  durationMs: number;
}

/**
 * Recomputes every event's hash from its current content and checks each links to its predecessor, in
 * one pass in Postgres. Catches rows edited or deleted by someone with direct database access (the
 * append-only trigger stops everyone else). The check itself is audited.
 */
export async function verifyAuditChain(actor: Actor): Promise<ChainVerification> {
  assertAllowed(actor, 'audit.verify', 'global');
  // A stopwatch, not the time of day: the monotonic clock, unaffected by the services' `clock`.
  const started = performance.now();
  const [summary] = await db.$queryRaw<{ checked: bigint; chains: bigint }[]>`
    SELECT count(*) AS checked, count(DISTINCT chain_key) AS chains FROM audit_event`;
  const broken = await db.$queryRaw<{ id: bigint; chain_key: string; chain_seq: number; reason: ChainBreak['reason'] }[]>`
    SELECT id, chain_key, chain_seq, reason FROM (
      SELECT id, chain_key, chain_seq,
        CASE
          WHEN hash <> modelgate_audit_hash(prev_hash, e) THEN 'content-changed'
          WHEN chain_seq <> COALESCE(lag(chain_seq) OVER w, 0) + 1 THEN 'sequence-gap'
          WHEN prev_hash <> COALESCE(lag(hash) OVER w, repeat('0', 64)) THEN 'link-broken'
        END AS reason
      FROM audit_event e
      WINDOW w AS (PARTITION BY chain_key ORDER BY chain_seq)
    ) checked
    WHERE reason IS NOT NULL
    ORDER BY id
    LIMIT 1`;
  const first = broken[0];
  const firstBroken = first ? { id: first.id.toString(), chainKey: first.chain_key, chainSeq: first.chain_seq, reason: first.reason } : null;
  const result: ChainVerification = {
    ok: firstBroken === null,
    checked: Number(summary?.checked ?? 0),
    chains: Number(summary?.chains ?? 0),
    firstBroken,
    durationMs: Math.round(performance.now() - started),
  };
  await db.$transaction((tx) => recordAudit(tx, actor, { action: 'audit.verified', data: { ...result, firstBroken: result.firstBroken ? { ...result.firstBroken } : null } }));
  return result;
}
