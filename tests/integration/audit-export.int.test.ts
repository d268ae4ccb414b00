// The audit export streams one consistent snapshot through a server-side cursor on its own connection,
// and gives that connection back however the download ends.
import { beforeAll, describe, expect, it } from 'vitest';
import * as exportRoute from '@/app/api/admin/audit/export/route';
import { db } from '@/lib/db/prisma';
import { pgPool } from '@/lib/db/pg-pool';
import type { Actor } from '@/lib/services/actor';
import { exportAudit } from '@/lib/services/export-audit';
import { createApiToken } from '@/lib/services/create-api-token';
import { call } from './api-client';
import { makeActor, makeModel, register } from './fixtures';

let admin: Actor, scientist: Actor;
let model: { id: string; name: string };
const EVENTS = 4_000;

beforeAll(async () => {
  [admin, scientist] = await Promise.all([makeActor('admin'), makeActor('scientist')]);
  model = await makeModel(scientist);
  // Enough events for several cursor batches and stream chunks, written through the chain trigger.
  await db.$executeRaw`
    INSERT INTO audit_event (actor_label, action, model_id, model_name, comment, data)
    SELECT 'seed', 'model.updated', ${model.id}, ${model.name}, 'line ' || i || E'\n"quoted", with comma', jsonb_build_object('i', i)
    FROM generate_series(1, ${EVENTS}) AS i`;
});

const modelEvents = () => db.auditEvent.count({ where: { modelId: model.id } });

/** Nothing checked out of the streaming pool, and no transaction left open on the server. */
async function expectConnectionsReturned() {
  const pool = pgPool();
  expect(pool.totalCount - pool.idleCount).toBe(0);
  const open = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'modelgate-stream' AND state LIKE 'idle in transaction%'`;
  expect(open[0]!.n).toBe(0n);
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe('audit export', () => {
  it('streams one snapshot: what is written during the download is not in it, and the count matches', async () => {
    const { total, stream } = await exportAudit(admin, { model: model.name }, 'ndjson');
    expect(total).toBe(await modelEvents());
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // Someone registers while the export is being read.
    const v = await register(scientist, model.name);
    let text = new TextDecoder().decode(first.value);
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += new TextDecoder().decode(r.value);
    const rows = text.trim().split('\n').map((line) => JSON.parse(line) as { id: string; action: string; version: number | null });
    expect(rows).toHaveLength(total);
    expect(rows.some((r) => r.action === 'version.registered' && r.version === v.number)).toBe(false);
    expect(rows.map((r) => BigInt(r.id))).toEqual([...rows.map((r) => BigInt(r.id))].sort((a, b) => (a < b ? -1 : 1)));
    expect(await modelEvents()).toBeGreaterThan(total);
    await expectConnectionsReturned();
  });

  it('gives the connection back when the client goes away mid-download', async () => {
    for (const format of ['csv', 'ndjson'] as const) {
      const { stream } = await exportAudit(admin, { model: model.name }, format);
      const reader = stream.getReader();
      expect((await reader.read()).done).toBe(false);
      await reader.cancel();
      await expectConnectionsReturned();
    }
  });

  it('gives the connection back, and keeps the process up, when the connection dies mid-download', async () => {
    const { stream } = await exportAudit(admin, { model: model.name }, 'csv');
    const reader = stream.getReader();
    await reader.read();
    await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'modelgate-stream' AND state <> 'idle'`;
    await expect((async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read());
    })()).rejects.toThrow();
    await expectConnectionsReturned();
    // The pool recovers: the next export works.
    expect((await readAll((await exportAudit(admin, { model: model.name }, 'csv')).stream)).length).toBeGreaterThan(0);
  });

  it('keeps CSV quoting and filters, and answers an empty CSV with its header', async () => {
    const csv = await readAll((await exportAudit(admin, { model: model.name, action: 'model.updated' }, 'csv')).stream);
    expect(csv).toContain(',"line 1\n""quoted"", with comma",false,"{""i"":1}",');
    const empty = await readAll((await exportAudit(admin, { model: model.name, from: new Date(Date.now() + 3_600_000) }, 'csv')).stream);
    expect(empty).toBe('id,at,actor_id,actor,action,model_id,model,version_id,version,from_stage,to_stage,comment,override,data,chain_key,chain_seq,prev_hash,hash,canonical\n');
    const until = await db.auditEvent.findFirstOrThrow({ where: { modelId: model.id }, orderBy: { id: 'asc' }, skip: 9 });
    const ndjson = await readAll((await exportAudit(admin, { model: model.name, to: until.at }, 'ndjson')).stream);
    const expected = await db.auditEvent.count({ where: { modelId: model.id, at: { lte: until.at } } });
    expect(ndjson.trim().split('\n')).toHaveLength(expected);
  });

  it('sends X-Total-Count equal to the rows it streams, the export event included', async () => {
    const { token } = await createApiToken(admin, { name: 'export', role: 'admin' });
    const response = await call(exportRoute.GET, { url: 'http://localhost/api?format=ndjson', token });
    expect(response.status).toBe(200);
    const lines = String(response.json).trim().split('\n');
    expect(Number(response.headers.get('x-total-count'))).toBe(lines.length);
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ action: 'audit.exported' });
    await expectConnectionsReturned();
  });
});
