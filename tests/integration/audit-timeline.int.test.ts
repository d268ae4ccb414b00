import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { listAuditEvents } from '@/lib/db/queries/audit';
import { productionAt } from '@/lib/db/queries/production-history';
import type { Actor } from '@/lib/services/actor';
import { decideRequest } from '@/lib/services/decide-request';
import { exportAudit } from '@/lib/services/export-audit';
import { moveVersion } from '@/lib/services/move-version';
import { requestProduction } from '@/lib/services/request-production';
import { rollbackModel } from '@/lib/services/rollback-model';
import { COMPLETE_CARD, register, seedModel, seedUser } from '../fixtures';

let scientist: Actor, approver: Actor, admin: Actor;

beforeAll(async () => {
  [scientist, approver, admin] = await Promise.all([seedUser({ role: 'scientist' }), seedUser({ role: 'approver' }), seedUser({ role: 'admin' })]);
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe('audit timeline pagination', () => {
  it('returns every event exactly once across pages while new events arrive', async () => {
    const model = await seedModel({ owner: scientist });
    for (let i = 0; i < 30; i++) await register(scientist, model.name);
    const seen: string[] = [];
    let before: bigint | undefined;
    let writes = 0;
    for (;;) {
      const page = await listAuditEvents({ model: model.name, before, limit: 7 });
      seen.push(...page.events.map((e) => e.id));
      // Someone keeps working while we page: these land above the cursor and must not shift the pages.
      if (writes++ < 3) await register(scientist, model.name);
      if (!page.nextBefore) break;
      before = BigInt(page.nextBefore);
    }
    expect(new Set(seen).size).toBe(seen.length);
    const firstPageTop = BigInt(seen[0]!);
    const expected = await db.auditEvent.findMany({ where: { modelId: model.id, id: { lte: firstPageTop } }, select: { id: true }, orderBy: { id: 'desc' } });
    expect(seen).toEqual(expected.map((e) => e.id.toString()));
  });

  it('filters by action, actor and date range', async () => {
    const model = await seedModel({ owner: scientist });
    const v = await register(scientist, model.name);
    await moveVersion(scientist, 'archive', { model: model.name, number: v.number, comment: 'not needed' });
    const archived = await listAuditEvents({ model: model.name, action: 'version.archived', limit: 10 });
    expect(archived.events.map((e) => [e.action, e.version, e.fromStage, e.toStage, e.comment])).toEqual([['version.archived', 1, 'testing', 'archived', 'not needed']]);
    expect((await listAuditEvents({ model: model.name, actor: 'nobody@', limit: 10 })).events).toEqual([]);
    expect((await listAuditEvents({ model: model.name, from: new Date(Date.now() + 60_000), limit: 10 })).events).toEqual([]);
  });
});

describe('what was in Production at time T', () => {
  it('names the version, who put it there and what replaced it', async () => {
    const model = await seedModel({ owner: scientist });
    const deploy = async () => {
      const v = await register(scientist, model.name, { artifactDigest: `sha256:${'c'.repeat(64)}`, trainingDataHash: 'h', codeCommit: 'c', modelCard: COMPLETE_CARD });
      await moveVersion(scientist, 'promote', { model: model.name, number: v.number });
      const { request } = await requestProduction(scientist, { model: model.name, number: v.number, comment: 'ship it' });
      await decideRequest(approver, { requestId: request.id, decision: 'approve' });
      return new Date();
    };
    const before = new Date();
    await new Promise((r) => setTimeout(r, 5));
    const t1 = await deploy();
    await new Promise((r) => setTimeout(r, 5));
    await deploy();
    await rollbackModel(approver, { model: model.name, reason: 'bad release' });

    expect((await productionAt(model.name, before))?.period).toBeNull();
    const answer = await productionAt(model.name, t1);
    expect(answer?.period).toMatchObject({ version: { number: 1 }, startedBy: approver.label });
    expect(answer?.next).toMatchObject({ version: { number: 2, failed: true } });
    expect((await productionAt(model.name, new Date()))?.period).toMatchObject({ version: { number: 1 }, endedAt: null });
  });
});

describe('audit export', () => {
  it('streams CSV with hash columns and the canonical text, and audits itself', async () => {
    const model = await seedModel({ owner: scientist });
    await register(scientist, model.name);
    const csv = await readAll((await exportAudit(admin, { model: model.name }, 'csv')).stream);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('id,at,actor_id,actor,action,model_id,model,version_id,version,from_stage,to_stage,comment,override,data,chain_key,chain_seq,prev_hash,hash,canonical');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('version.registered');
    expect(await db.auditEvent.count({ where: { action: 'audit.exported', actorId: admin.id } })).toBeGreaterThan(0);
  });

  it('streams NDJSON whose rows re-verify outside the database', async () => {
    const { createHash } = await import('node:crypto');
    const model = await seedModel({ owner: scientist });
    for (let i = 0; i < 3; i++) await register(scientist, model.name);
    const ndjson = await readAll((await exportAudit(admin, { model: model.name }, 'ndjson')).stream);
    const rows = ndjson.trim().split('\n').map((l) => JSON.parse(l) as { prev_hash: string; hash: string; canonical: string; chain_seq: number });
    expect(rows).toHaveLength(4);
    for (const [i, row] of rows.entries()) {
      expect(createHash('sha256').update(row.prev_hash + row.canonical).digest('hex')).toBe(row.hash);
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]!.hash);
    }
  });

  it('is refused to non-admins', async () => {
    await expect(exportAudit(approver, {}, 'csv')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
