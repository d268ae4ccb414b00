import type { Prisma } from '@/lib/generated/prisma/client';
import { db, type Tx } from '@/lib/db/prisma';
import { signCheckpoint, type ChainHead, type Checkpoint } from '@/lib/audit/checkpoint';
import { auditSigningKey } from '@/lib/audit/signing-key';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';

export const AUDIT_CHECKPOINTER: Actor = { id: null, label: 'audit checkpoint', role: 'admin' };

/**
 * The head (last sequence number and hash) of every chain, one index probe per chain: a skip scan over the
 * (chain_key, chain_seq) index rather than a pass over every event.
 */
export async function chainHeads(tx: Tx): Promise<ChainHead[]> {
  return tx.$queryRaw<ChainHead[]>`
    WITH RECURSIVE chains AS (
      (SELECT chain_key FROM audit_event ORDER BY chain_key LIMIT 1)
      UNION ALL
      SELECT (SELECT e.chain_key FROM audit_event e WHERE e.chain_key > chains.chain_key ORDER BY e.chain_key LIMIT 1)
      FROM chains WHERE chains.chain_key IS NOT NULL
    )
    SELECT c.chain_key AS chain, h.chain_seq AS seq, h.hash
    FROM chains c CROSS JOIN LATERAL (
      SELECT chain_seq, hash FROM audit_event WHERE chain_key = c.chain_key ORDER BY chain_seq DESC LIMIT 1
    ) h
    WHERE c.chain_key IS NOT NULL
    ORDER BY c.chain_key`;
}

/**
 * Signs the current chain heads and records the checkpoint as an audit event ("audit.checkpointed", the
 * checkpoint in its data) in the caller's transaction: it is then part of every later export, and goes to
 * every webhook subscribed to it, where it is kept out of the database's reach. Null without a signing key.
 */
export async function recordCheckpoint(tx: Tx, actor: Actor = AUDIT_CHECKPOINTER): Promise<Checkpoint | null> {
  const key = auditSigningKey();
  if (!key) return null;
  // One checkpoint at a time across instances, and heads read after any append that committed before.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('modelgate:audit-checkpoint', 0))`;
  const checkpoint = signCheckpoint(await chainHeads(tx), clock.now(), key);
  await recordAudit(tx, actor, { action: 'audit.checkpointed', data: { checkpoint: checkpoint as unknown as Prisma.InputJsonObject } });
  return checkpoint;
}

/** A checkpoint when anything was recorded since the last one (the background worker calls this). */
export async function checkpointIfChanged(): Promise<Checkpoint | null> {
  return db.$transaction(async (tx) => {
    const [latest] = await tx.$queryRaw<{ action: string }[]>`SELECT action FROM audit_event ORDER BY id DESC LIMIT 1`;
    if (!latest || latest.action === 'audit.checkpointed') return null;
    return recordCheckpoint(tx);
  });
}
