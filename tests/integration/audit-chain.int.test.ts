// Tamper evidence: the hash chain catches what the append-only trigger cannot — edits made by someone
// with direct database access who first disables the trigger.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { verifyAuditChain } from '@/lib/services/verify-audit-chain';
import { register, seedModel, seedUser } from '../fixtures';
import { asOwner } from './owner-sql';

let admin: Actor, scientist: Actor;

beforeAll(async () => {
  [admin, scientist] = await Promise.all([seedUser({ role: 'admin' }), seedUser({ role: 'scientist' })]);
});

/**
 * Runs `sql` with the append-only trigger lifted, as an attacker with the owner's access would (the app's
 * own role cannot: tests/integration/database-roles.int.test.ts).
 */
async function tamper(sql: string, ...params: unknown[]) {
  await asOwner('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only', [sql, params], 'ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
}

describe('audit hash chain', () => {
  it('links every new event to the previous one in its model chain', async () => {
    const model = await seedModel({ owner: scientist });
    await register(scientist, model.name);
    await register(scientist, model.name);
    const events = await db.auditEvent.findMany({ where: { modelId: model.id }, orderBy: { chainSeq: 'asc' } });
    expect(events.map((e) => e.chainSeq)).toEqual([1, 2, 3]);
    expect(events[0]!.prevHash).toBe('0'.repeat(64));
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    expect(new Set(events.map((e) => e.chainKey))).toEqual(new Set([`model:${model.id}`]));
  });

  it('keeps chains intact under concurrent writes to one model', async () => {
    const model = await seedModel({ owner: scientist });
    await Promise.all(Array.from({ length: 20 }, () => register(scientist, model.name)));
    const events = await db.auditEvent.findMany({ where: { modelId: model.id }, orderBy: { chainSeq: 'asc' } });
    expect(events.map((e) => e.chainSeq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
  });

  it('verifies OK when nothing was touched, and the check is itself audited', async () => {
    const result = await verifyAuditChain(admin);
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    expect(result.checked).toBeGreaterThan(0);
    expect(await db.auditEvent.count({ where: { action: 'audit.verified' } })).toBeGreaterThan(0);
  });

  it('is refused to non-admins', async () => {
    await expect(verifyAuditChain(scientist)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('finds the first event altered by direct SQL', async () => {
    const model = await seedModel({ owner: scientist });
    await register(scientist, model.name, { description: 'honest' });
    const target = await db.auditEvent.findFirstOrThrow({ where: { modelId: model.id, action: 'version.registered' } });
    await tamper(`UPDATE audit_event SET comment = 'forged' WHERE id = $1`, target.id);
    const result = await verifyAuditChain(admin);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ id: target.id.toString(), reason: 'content-changed' });
    // Put it back so later checks in this run start clean.
    await tamper(`UPDATE audit_event SET comment = $2 WHERE id = $1`, target.id, target.comment);
    expect((await verifyAuditChain(admin)).ok).toBe(true);
  });

  it('finds a deleted event, even when the attacker recomputes the hash of the row they edit', async () => {
    const model = await seedModel({ owner: scientist });
    await register(scientist, model.name);
    await register(scientist, model.name);
    const [, middle, last] = await db.auditEvent.findMany({ where: { modelId: model.id }, orderBy: { chainSeq: 'asc' } });
    const [saved] = await asOwner<{ row: unknown }>([`SELECT row_to_json(e) AS row FROM audit_event e WHERE id = $1`, [middle!.id]]);
    await tamper(`DELETE FROM audit_event WHERE id = $1`, middle!.id);
    const result = await verifyAuditChain(admin);
    expect(result.firstBroken).toMatchObject({ id: last!.id.toString(), reason: 'sequence-gap' });
    // Renumbering to hide the gap breaks the link instead.
    await tamper(`UPDATE audit_event SET chain_seq = chain_seq - 1 WHERE id = $1`, last!.id);
    await tamper(`UPDATE audit_event e SET hash = modelgate_audit_hash(prev_hash, e) WHERE id = $1`, last!.id);
    expect((await verifyAuditChain(admin)).firstBroken).toMatchObject({ id: last!.id.toString(), reason: 'link-broken' });

    // Undo the damage exactly, so the database is clean for whatever runs next.
    await tamper(`UPDATE audit_event SET chain_seq = chain_seq + 1, hash = $2 WHERE id = $1`, last!.id, last!.hash);
    await asOwner(
      'ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain',
      ['INSERT INTO audit_event SELECT * FROM json_populate_record(NULL::audit_event, $1::json)', [saved!.row]],
      'ALTER TABLE audit_event ENABLE TRIGGER audit_event_chain',
    );
    expect((await verifyAuditChain(admin)).ok).toBe(true);
  });
});
