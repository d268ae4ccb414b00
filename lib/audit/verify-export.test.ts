import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signCheckpoint, type ChainHead } from './checkpoint';
import { verifyExport, type ExportRow } from './verify-export';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A chain of `n` events as the export writes them, each hashed over its predecessor's hash and its canonical text. */
function chain(key: string, n: number, comment = (i: number) => `event ${i}`): ExportRow[] {
  return relink(
    Array.from({ length: n }, (_, i) => ({
      id: `${key}-${i + 1}`, at: `2026-12-01T10:00:0${i % 10}.000Z`, actor_id: null, actor: 'someone', action: 'model.updated', model_id: key, model: key,
      version_id: null, version: null, from_stage: null, to_stage: null, comment: comment(i + 1), override: false, data: { i: i + 1 },
      chain_key: key, chain_seq: i + 1, prev_hash: '', hash: '', canonical: '',
    })),
  );
}

/** Recomputes canonical texts and hashes, as an attacker with the (unkeyed) formula can. */
function relink(rows: ExportRow[]): ExportRow[] {
  let prev = '0'.repeat(64);
  return rows.map((row) => {
    const canonical = JSON.stringify([row.chain_key, row.chain_seq, row.at, row.actor_id, row.actor, row.action, row.model_id, row.model, row.version_id, row.version, row.from_stage, row.to_stage, row.comment, row.override, row.data]);
    const linked = { ...row, prev_hash: prev, canonical, hash: sha256(prev + canonical) };
    prev = linked.hash;
    return linked;
  });
}

const headsOf = (rows: ExportRow[]): ChainHead[] => {
  const last = new Map(rows.map((r) => [r.chain_key, r]));
  return [...last.values()].map((r) => ({ chain: r.chain_key, seq: r.chain_seq, hash: r.hash }));
};

describe('offline verification of an export', () => {
  const rows = [...chain('model:a', 5), ...chain('model:b', 3)];
  const checkpoint = signCheckpoint(headsOf(rows), new Date(), privateKey);

  it('passes an intact export against its checkpoint', () => {
    expect(verifyExport(rows, checkpoint, publicKey)).toMatchObject({ ok: true, events: 8, chains: 2, problems: [] });
  });

  it('finds an edited column, an edited hash and a missing middle event', () => {
    expect(verifyExport(rows.map((r) => (r.id === 'model:a-2' ? { ...r, comment: 'edited' } : r)), null, publicKey).problems).toEqual([expect.stringContaining('columns differ')]);
    expect(verifyExport(rows.filter((r) => r.id !== 'model:a-3'), null, publicKey).problems.join()).toMatch(/sequence gap/);
  });

  it('finds a cut tail only with a checkpoint kept elsewhere', () => {
    const truncated = rows.filter((r) => !(r.chain_key === 'model:a' && r.chain_seq > 3));
    expect(verifyExport(truncated, null, publicKey).ok).toBe(true);
    expect(verifyExport(truncated, checkpoint, publicKey)).toMatchObject({ ok: false, problems: [expect.stringContaining('the export ends at #3 (events were removed)')] });
  });

  it('finds a chain rewritten consistently (every later hash recomputed) only with a checkpoint', () => {
    const rewritten = [...relink(chain('model:a', 5).map((r) => (r.chain_seq === 2 ? { ...r, comment: 'approved by nobody' } : r))), ...chain('model:b', 3)];
    expect(verifyExport(rewritten, null, publicKey).ok).toBe(true);
    expect(verifyExport(rewritten, checkpoint, publicKey).problems).toEqual([expect.stringContaining('model:a #5: its hash differs from the signed checkpoint')]);
  });

  it('refuses a checkpoint signed with another key, or altered after signing', () => {
    const forged = signCheckpoint(headsOf(rows), new Date(), generateKeyPairSync('ed25519').privateKey);
    expect(verifyExport(rows, forged, publicKey).problems).toEqual([expect.stringContaining('not signed by this key')]);
    const altered = { ...checkpoint, heads: checkpoint.heads.map((h) => ({ ...h, seq: h.seq - 1 })) };
    expect(verifyExport(rows, altered, publicKey).problems).toEqual([expect.stringContaining('not signed by this key')]);
  });

  it('checks the checkpoints recorded inside the export too', () => {
    const inner = signCheckpoint(headsOf(chain('model:a', 5)), new Date(), privateKey);
    const withInner = [...rows, ...relink([{ ...chain('global', 1)[0]!, action: 'audit.checkpointed', data: { checkpoint: inner } }])];
    expect(verifyExport(withInner, null, publicKey)).toMatchObject({ ok: true, checkpoints: 1 });
    const rewritten = [...relink(chain('model:a', 5, () => 'rewritten')), ...chain('model:b', 3), ...withInner.slice(8)];
    expect(verifyExport(rewritten, null, publicKey).problems).toEqual([expect.stringContaining('differs from the signed checkpoint')]);
  });
});
