// Signed checkpoints: an export carries the signed heads of every chain, webhooks carry them off the
// database, and an export checked offline against a checkpoint kept elsewhere shows a cut tail or a chain
// rewritten with the (public) hash formula — which the hash chain alone, and the in-app check, cannot.
import { createPublicKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkpointSignatureValid, type Checkpoint } from '@/lib/audit/checkpoint';
import { checkpointsInside, readExport, verifyExport } from '@/lib/audit/verify-export';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { exportAudit } from '@/lib/services/export-audit';
import { createWebhook } from '@/lib/services/create-webhook';
import { deleteWebhook } from '@/lib/services/delete-webhook';
import { verifyAuditChain } from '@/lib/services/verify-audit-chain';
import { makeActor, makeModel, register } from './fixtures';
import { asOwner } from './owner-sql';

let admin: Actor, scientist: Actor;
const publicKey = () => createPublicKey(process.env.MODELGATE_AUDIT_SIGNING_KEY!);

beforeAll(async () => {
  [admin, scientist] = await Promise.all([makeActor('admin'), makeActor('scientist')]);
});

async function exportRows() {
  return readExport(await new Response((await exportAudit(admin, {}, 'ndjson')).stream).text()).rows;
}

/** As the owner, with the append-only trigger lifted: what someone with the migration role could do. */
const tamper = (...statements: (string | [string, unknown[]])[]) =>
  asOwner('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only', ...statements, 'ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');

describe('signed audit checkpoints', () => {
  it('are in every export, signed by the key the database does not hold, and the export verifies offline', async () => {
    const model = await makeModel(scientist);
    await register(scientist, model.name);
    const rows = await exportRows();
    const latest = checkpointsInside(rows).at(-1)!;
    expect(checkpointSignatureValid(latest, publicKey())).toBe(true);
    expect(latest.heads).toContainEqual(expect.objectContaining({ chain: `model:${model.id}`, seq: 2 }));
    expect(verifyExport(rows, latest, publicKey())).toMatchObject({ ok: true, problems: [] });
    const stored = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_proc WHERE prosrc LIKE '%PRIVATE KEY%'`;
    expect(stored[0]!.n).toBe(0n);
  });

  it('go to the webhooks subscribed to them', async () => {
    process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.1/32';
    const hook = await createWebhook(admin, { url: 'http://127.0.0.1:9/checkpoints', events: ['audit.checkpointed'] });
    await exportRows();
    const [delivery] = await db.webhookDelivery.findMany({ where: { webhookId: hook.id } });
    const sent = (delivery!.payload as unknown as { data: { checkpoint: Checkpoint } }).data.checkpoint;
    expect(checkpointSignatureValid(sent, publicKey())).toBe(true);
    await deleteWebhook(admin, { id: hook.id });
    delete process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS;
  });

  it('show a cut tail that the hash chain and the in-app check cannot', async () => {
    const model = await makeModel(scientist);
    for (let i = 0; i < 3; i++) await register(scientist, model.name);
    const kept = checkpointsInside(await exportRows()).at(-1)!;
    const chain = `model:${model.id}`;
    // The attacker removes the last two events of the chain: what is left is a consistent, shorter chain.
    await tamper([`DELETE FROM audit_event WHERE chain_key = $1 AND chain_seq > 2`, [chain]]);
    expect((await verifyAuditChain(admin)).ok).toBe(true);
    const result = verifyExport(await exportRows(), kept, publicKey());
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.stringContaining(`${chain}: the checkpoint of ${kept.at} has event #4, the export ends at #2 (events were removed)`));
  });

  it('show a chain rewritten consistently with the unkeyed hash formula', async () => {
    const model = await makeModel(scientist);
    for (let i = 0; i < 3; i++) await register(scientist, model.name, { description: 'as registered' });
    const kept = checkpointsInside(await exportRows()).at(-1)!;
    const chain = `model:${model.id}`;
    // Edit the second event, then recompute its hash and every later one in order, as the database's own function does.
    await tamper(
      [`UPDATE audit_event SET comment = 'registered by someone else' WHERE chain_key = $1 AND chain_seq = 2`, [chain]],
      [
        `DO $$ DECLARE r record; prev text; BEGIN
           FOR r IN SELECT id, chain_seq FROM audit_event WHERE chain_key = '${chain}' AND chain_seq >= 2 ORDER BY chain_seq LOOP
             SELECT hash INTO prev FROM audit_event WHERE chain_key = '${chain}' AND chain_seq = r.chain_seq - 1;
             UPDATE audit_event SET prev_hash = prev WHERE id = r.id;
             UPDATE audit_event e SET hash = modelgate_audit_hash(prev, e) WHERE id = r.id;
           END LOOP; END $$`,
        [],
      ],
    );
    expect((await verifyAuditChain(admin)).ok).toBe(true);
    const result = verifyExport(await exportRows(), kept, publicKey());
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.stringContaining(`${chain} #4: its hash differs from the signed checkpoint of ${kept.at} (the chain was rewritten)`));
  });
});
