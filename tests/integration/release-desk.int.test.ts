// The release desk (issue 16, items 1 and 6): who may edit what of a registered version, what the database
// refuses whatever the app does, the audit of each edit, the card gate after an edit, the size gate, and the
// per-model and registry exports.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { cardOutline } from '@/lib/registry/model-card';
import { DEFAULT_CARD_SECTIONS, type Role } from '@/lib/registry';
import { readExport, verifyExport } from '@/lib/audit/verify-export';
import type { Actor } from '@/lib/services/actor';
import { evaluateVersionGates } from '@/lib/services/internal/gate-context';
import { setGrant } from '@/lib/services/set-grant';
import { moveVersion } from '@/lib/services/move-version';
import { requestProduction } from '@/lib/services/request-production';
import { updatePolicy } from '@/lib/services/update-policy';
import * as versionRoute from '@/app/api/v1/models/[name]/versions/[number]/route';
import * as versionsRoute from '@/app/api/v1/models/[name]/versions/route';
import * as revisionsRoute from '@/app/api/v1/models/[name]/versions/[number]/card-revisions/route';
import * as tagRoute from '@/app/api/v1/models/[name]/versions/[number]/tags/[key]/route';
import * as aliasRoute from '@/app/api/v1/models/[name]/aliases/[alias]/route';
import * as exportRoute from '@/app/api/v1/models/[name]/export/route';
import * as registryExportRoute from '@/app/api/admin/registry/export/route';
import { call } from './api-client';
import { register, seedModel, seedToken, seedUser } from '../fixtures';
import { asOwner } from './owner-sql';

let admin: Actor, scientist: Actor;
const tokens = {} as Record<Role | 'viewerWithGrant' | 'scientistDemoted', string>;
const FULL_CARD = DEFAULT_CARD_SECTIONS.map((s) => `## ${s}\nWritten down.\n`).join('\n');

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  scientist = await seedUser({ role: 'scientist' });
  for (const role of ['viewer', 'scientist', 'approver', 'admin'] as const) tokens[role] = await seedToken(role === 'admin' ? admin : role === 'scientist' ? scientist : await seedUser({ role: role }));
});

async function modelWithVersion(overrides: Parameters<typeof register>[2] = {}) {
  const model = await seedModel({ owner: scientist });
  const version = await register(scientist, model.name, overrides);
  return { model, version, params: { name: model.name, number: String(version.number) } };
}

const patch = (token: string, params: Record<string, string>, body: unknown) => call(versionRoute.PATCH, { method: 'PATCH', token, params, body });

describe('PATCH /api/v1/models/:name/versions/:number', () => {
  it('lets scientists, approvers and admins edit, refuses viewers, and counts a per-model grant either way', async () => {
    const { model, params } = await modelWithVersion();
    for (const role of ['scientist', 'approver', 'admin'] as const) {
      const answer = await patch(tokens[role], params, { description: `edited by ${role}` });
      expect(answer.status, role).toBe(200);
      expect(answer.json).toMatchObject({ changed: ['description'], version: { description: `edited by ${role}` } });
    }
    expect((await patch(tokens.viewer, params, { description: 'nope' })).status).toBe(403);

    // A viewer globally with a scientist grant on this model may; a scientist with a viewer grant may not.
    const granted = await seedUser({ role: 'viewer' });
    await setGrant(admin, { userId: granted.id!, model: model.name, role: 'scientist' });
    expect((await patch(await seedToken(granted, { role: 'scientist' }), params, { description: 'by grant' })).status).toBe(200);
    const demoted = await seedUser({ role: 'scientist' });
    await setGrant(admin, { userId: demoted.id!, model: model.name, role: 'viewer' });
    expect((await patch(await seedToken(demoted), params, { description: 'demoted' })).status).toBe(403);
    expect((await db.modelVersion.findFirstOrThrow({ where: { modelId: model.id } })).description).toBe('by grant');
  });

  it('answers 409 IMMUTABLE for the digest, artifact, metrics or features, 400 for unknown fields and oversize text, and changes nothing', async () => {
    const { version, params } = await modelWithVersion();
    for (const body of [{ artifactDigest: `sha256:${'b'.repeat(64)}` }, { artifactUri: 's3://elsewhere', description: 'x' }, { metrics: [] }, { features: [] }, { modelSizeBytes: 1 }]) {
      const answer = await patch(tokens.scientist, params, body);
      expect(answer.status, JSON.stringify(body)).toBe(409);
      expect(answer.json).toMatchObject({ error: { code: 'IMMUTABLE' } });
    }
    expect(await patch(tokens.scientist, params, { colour: 'blue' })).toMatchObject({ status: 400, json: { error: { code: 'INVALID_ARGUMENT' } } });
    expect(await patch(tokens.scientist, params, { description: 'x'.repeat(10_001) })).toMatchObject({ status: 400 });
    expect(await patch(tokens.scientist, params, { modelCard: 5 })).toMatchObject({ status: 400 });
    const stored = await db.modelVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(stored).toMatchObject({ description: '', artifactUri: version.artifactUri, artifactDigest: version.artifactDigest });
    expect(await db.auditEvent.count({ where: { versionId: version.id, action: 'version.updated' } })).toBe(0);
  });

  it('audits each changed field with its before and after in one event, and an unchanged edit not at all', async () => {
    const { version, params } = await modelWithVersion({ description: 'old words', modelCard: '## Intended use\nTypo.\n' });
    const answer = await patch(tokens.scientist, params, { description: 'new words', modelCard: '## Intended use\nFixed.\n', changelog: '- faster', migrationNotes: 'Nothing to do.' });
    expect(answer.json).toMatchObject({ changed: ['description', 'modelCard', 'changelog', 'migrationNotes'], cardRevision: 2 });
    const events = await db.auditEvent.findMany({ where: { versionId: version.id, action: 'version.updated' } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({
      fields: ['description', 'modelCard', 'changelog', 'migrationNotes'],
      changes: [
        { field: 'description', before: 'old words', after: 'new words' },
        { field: 'modelCard', before: '## Intended use\nTypo.\n', after: '## Intended use\nFixed.\n' },
        { field: 'changelog', before: '', after: '- faster' },
        { field: 'migrationNotes', before: '', after: 'Nothing to do.' },
      ],
      stage: 'testing',
      cardRevision: { from: 1, to: 2 },
    });
    expect(events[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await patch(tokens.scientist, params, { description: 'new words' })).json).toMatchObject({ changed: [] });
    expect(await db.auditEvent.count({ where: { versionId: version.id, action: 'version.updated' } })).toBe(1);
  });

  it('refuses a card edit made from a stale revision (409), leaving card, revisions and audit as they were', async () => {
    const { version, params } = await modelWithVersion({ modelCard: 'one' });
    expect((await patch(tokens.scientist, params, { modelCard: 'two', baseCardRevision: 1 })).status).toBe(200);
    const stale = await patch(tokens.approver, params, { modelCard: 'three', baseCardRevision: 1 });
    expect(stale).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } });
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: version.id } })).modelCard).toBe('two');
    expect(await db.modelCardRevision.count({ where: { versionId: version.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { versionId: version.id, action: 'version.updated' } })).toBe(1);
  });

  it('queues concurrent card edits under the model lock: each gets its own revision, none fails', async () => {
    const { model, version, params } = await modelWithVersion({ modelCard: 'start' });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => patch(tokens.scientist, params, { modelCard: `edit ${i}` })));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    const revisions = await db.modelCardRevision.findMany({ where: { versionId: version.id }, orderBy: { revision: 'asc' }, select: { revision: true } });
    expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // With a stage move racing the edits on the same model, nothing deadlocks.
    await Promise.all([patch(tokens.scientist, params, { description: 'racing' }), moveVersion(scientist, 'promote', { model: model.name, number: version.number })]);
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: version.id } })).stage).toBe('staging');
  });

  it('keeps every card revision, readable over REST v1, revision 1 as registered', async () => {
    const { params } = await modelWithVersion({ modelCard: 'as registered' });
    await patch(tokens.scientist, params, { modelCard: 'second' });
    await patch(tokens.admin, params, { modelCard: 'third' });
    const answer = await call(revisionsRoute.GET, { token: tokens.viewer, params });
    expect(answer.status).toBe(200);
    expect((answer.json as { revisions: { revision: number; modelCard: string }[] }).revisions.map((r) => [r.revision, r.modelCard])).toEqual([
      [3, 'third'],
      [2, 'second'],
      [1, 'as registered'],
    ]);
    const older = await call(revisionsRoute.GET, { token: tokens.viewer, params, url: 'http://localhost/api?limit=1&before=3' });
    expect(older.json).toMatchObject({ revisions: [{ revision: 2 }], nextCursor: 2 });
  });

  it('re-runs the card gate: a version registered without a card passes the default Production card gate once one is written', async () => {
    const { model, version, params } = await modelWithVersion();
    const cardGate = async () => (await db.$transaction((tx) => evaluateVersionGates(tx, { modelId: model.id, versionId: version.id, target: 'production' }))).results.find((r) => r.kind === 'model-card-complete')!;
    expect((await cardGate()).passed).toBe(false);
    await patch(tokens.scientist, params, { modelCard: FULL_CARD });
    expect((await cardGate()).passed).toBe(true);
    // The outline the gates read is the new card's, recomputed in the edit's own statement.
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: version.id } })).cardOutline).toEqual(cardOutline(FULL_CARD));
    await patch(tokens.scientist, params, { modelCard: '## Intended use\nOnly this.\n' });
    expect((await cardGate()).passed).toBe(false);
  });

  it('lets a Production version be edited, audited with its stage', async () => {
    const { model, version, params } = await modelWithVersion();
    await updatePolicy(admin, { model: model.name, policy: { staging: [], production: [{ kind: 'approvals', count: 0 }] } });
    await moveVersion(scientist, 'promote', { model: model.name, number: version.number });
    await requestProduction(scientist, { model: model.name, number: version.number, comment: 'ship' });
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: version.id } })).stage).toBe('production');
    expect((await patch(tokens.scientist, params, { changelog: 'documented after the fact' })).status).toBe(200);
    expect((await db.auditEvent.findFirstOrThrow({ where: { versionId: version.id, action: 'version.updated' } })).data).toMatchObject({ stage: 'production' });
  });
});

describe('the database keeps the record immutable', () => {
  it('refuses an UPDATE of environment, size, the registering token, digest, metrics or lineage, as the app and as the owner', async () => {
    const { model, version } = await modelWithVersion({ environment: { python: '3.11' }, modelSizeBytes: 1234 });
    for (const assignment of [`environment = '{"python": "3.12"}'`, 'model_size_bytes = 1', `created_via_token_id = 'forged'`, `artifact_digest = NULL`, `features = '[{"name": "x", "type": "int"}]'`]) {
      await expect(db.$executeRawUnsafe(`UPDATE model_version SET ${assignment} WHERE id = $1`, version.id), assignment).rejects.toThrow(/immutable/);
      await expect(asOwner([`UPDATE model_version SET ${assignment} WHERE id = $1`, [version.id]]), `${assignment} as owner`).rejects.toThrow(/immutable/);
    }
    const child = await register(scientist, model.name, { parents: [{ model: model.name, version: version.number }] });
    await expect(asOwner([`UPDATE metric SET value = 0 WHERE version_id = $1`, [child.id]])).rejects.toThrow(/immutable/);
    await expect(asOwner([`UPDATE version_lineage SET parent_id = child_id WHERE child_id = $1`, [child.id]])).rejects.toThrow(/immutable/);
    expect(await db.modelVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ environment: { python: '3.11' }, modelSizeBytes: 1234 });
  });

  it('keeps card revisions: the app may not update or delete them, the owner meets the trigger', async () => {
    const { version } = await modelWithVersion({ modelCard: 'first' });
    await expect(db.$executeRawUnsafe(`UPDATE model_card_revision SET model_card = 'rewritten' WHERE version_id = $1`, version.id)).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe(`DELETE FROM model_card_revision WHERE version_id = $1`, version.id)).rejects.toThrow(/permission denied/);
    await expect(asOwner([`UPDATE model_card_revision SET model_card = 'rewritten' WHERE version_id = $1`, [version.id]])).rejects.toThrow(/immutable/);
    await expect(asOwner([`DELETE FROM model_card_revision WHERE version_id = $1`, [version.id]])).rejects.toThrow(/immutable/);
  });

  it('maps a refused UPDATE to IMMUTABLE for callers', async () => {
    const { version } = await modelWithVersion();
    const { withDbErrors } = await import('@/lib/db/errors');
    await expect(withDbErrors(() => db.modelVersion.update({ where: { id: version.id }, data: { artifactUri: 's3://x' } }))).rejects.toMatchObject({ code: 'IMMUTABLE' });
  });
});

describe('environment, size and the size gate', () => {
  it('takes environment and size at REST v1 registration and shows them on the version', async () => {
    const model = await seedModel({ owner: scientist });
    const body = { dataVersion: 'd1', artifactUri: 's3://b/m', environment: { python: '3.11', cuda: '12.1' }, modelSizeBytes: 52_000_000, changelog: '- first', migrationNotes: 'none' };
    const created = await call(versionsRoute.POST, { method: 'POST', token: tokens.scientist, params: { name: model.name }, body });
    expect(created.status).toBe(201);
    const got = await call(versionRoute.GET, { token: tokens.viewer, params: { name: model.name, number: '1' } });
    expect(got.json).toMatchObject({ environment: { python: '3.11', cuda: '12.1' }, modelSizeBytes: 52_000_000, changelog: '- first', migrationNotes: 'none' });
    const bad = await call(versionsRoute.POST, { method: 'POST', token: tokens.scientist, params: { name: model.name }, body: { ...body, modelSizeBytes: -1 } });
    expect(bad).toMatchObject({ status: 400 });
  });

  it('passes a version within the limit, fails one over it or without a recorded size', async () => {
    const model = await seedModel({ owner: scientist });
    await updatePolicy(admin, { model: model.name, policy: { staging: [{ kind: 'model-size', maxBytes: 100_000_000 }], production: [] } });
    const verdict = async (modelSizeBytes?: number) => {
      const v = await register(scientist, model.name, modelSizeBytes === undefined ? {} : { modelSizeBytes });
      return (await db.$transaction((tx) => evaluateVersionGates(tx, { modelId: model.id, versionId: v.id, target: 'staging' }))).results[0]!;
    };
    expect(await verdict(99_000_000)).toMatchObject({ passed: true, label: 'Model size ≤ 100 MB' });
    expect(await verdict(150_000_000)).toMatchObject({ passed: false, detail: expect.stringContaining('150 MB') });
    expect(await verdict()).toMatchObject({ passed: false, detail: expect.stringContaining('not recorded') });
    const over = await db.modelVersion.findFirstOrThrow({ where: { modelId: model.id, modelSizeBytes: 150_000_000 } });
    await expect(moveVersion(scientist, 'promote', { model: model.name, number: over.number })).rejects.toMatchObject({ code: 'GATE_FAILED' });
  });
});

describe('tags and aliases over REST v1', () => {
  it('sets and removes a tag with before and after in the audit; failed cannot be set; viewers are refused', async () => {
    const { version, params } = await modelWithVersion();
    const tagParams = { ...params, key: 'team' };
    expect((await call(tagRoute.PUT, { method: 'PUT', token: tokens.scientist, params: tagParams, body: { value: 'fraud' } })).status).toBe(200);
    expect((await call(tagRoute.PUT, { method: 'PUT', token: tokens.scientist, params: tagParams, body: { value: 'risk' } })).status).toBe(200);
    expect((await call(tagRoute.DELETE, { method: 'DELETE', token: tokens.scientist, params: tagParams })).json).toEqual({ deleted: true });
    const events = await db.auditEvent.findMany({ where: { versionId: version.id, action: { in: ['version.tag_set', 'version.tag_deleted'] } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.data)).toEqual([
      { key: 'team', value: 'fraud', before: null, after: 'fraud' },
      { key: 'team', value: 'risk', before: 'fraud', after: 'risk' },
      { key: 'team', before: 'risk', after: null },
    ]);
    expect((await call(tagRoute.PUT, { method: 'PUT', token: tokens.admin, params: { ...params, key: 'failed' }, body: { value: '' } })).status).toBe(403);
    expect((await call(tagRoute.PUT, { method: 'PUT', token: tokens.viewer, params: tagParams, body: { value: 'x' } })).status).toBe(403);
  });

  it('lets a scientist move a plain alias but not the protected champion', async () => {
    const { model, version } = await modelWithVersion();
    expect((await call(aliasRoute.PUT, { method: 'PUT', token: tokens.scientist, params: { name: model.name, alias: 'candidate' }, body: { version: version.number } })).status).toBe(200);
    expect((await call(aliasRoute.PUT, { method: 'PUT', token: tokens.scientist, params: { name: model.name, alias: 'champion' }, body: { version: version.number } })).status).toBe(403);
  });
});

describe('exports', () => {
  async function deployedModel() {
    const model = await seedModel({ owner: scientist });
    await updatePolicy(admin, { model: model.name, policy: { staging: [], production: [{ kind: 'approvals', count: 0 }] } });
    for (let i = 0; i < 2; i++) {
      const v = await register(scientist, model.name, { modelCard: FULL_CARD });
      await moveVersion(scientist, 'promote', { model: model.name, number: v.number });
      await requestProduction(scientist, { model: model.name, number: v.number, comment: `ship ${v.number}` });
    }
    return model;
  }

  it('gives a reader of the model a bundle of its versions, Production periods and hash-chained events, whose NDJSON verifies', async () => {
    const model = await deployedModel();
    const bundle = await call(exportRoute.GET, { token: tokens.viewer, params: { name: model.name } });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-disposition')).toContain(`modelgate-${model.name}-bundle.json`);
    const json = bundle.json as { model: { name: string }; versions: { number: number; stage: string }[]; productionPeriods: { version: number; endedAt: string | null }[]; auditEvents: { action: string; hash: string; prev_hash: string; chain_seq: number }[] };
    expect(json.model.name).toBe(model.name);
    expect(json.versions.map((v) => [v.number, v.stage])).toEqual([
      [1, 'archived'],
      [2, 'production'],
    ]);
    expect(json.productionPeriods).toMatchObject([
      { version: 1, endedAt: expect.any(String) },
      { version: 2, endedAt: null },
    ]);
    const events = json.auditEvents;
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['model.created', 'version.registered', 'version.deployed', 'model.exported']));
    events.forEach((e, i) => {
      expect(e.chain_seq).toBe(i + 1);
      expect(e.prev_hash).toBe(i === 0 ? '0'.repeat(64) : events[i - 1]!.hash);
    });

    const ndjson = await call(exportRoute.GET, { token: tokens.viewer, params: { name: model.name }, url: 'http://localhost/api?part=ndjson' });
    const rows = readExport(ndjson.json as string).rows;
    expect(verifyExport(rows, null, null)).toMatchObject({ problems: [] });
    const csv = await call(exportRoute.GET, { token: tokens.viewer, params: { name: model.name }, url: 'http://localhost/api?part=csv' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const csvLines = (csv.json as string).trim().split('\n');
    expect(csvLines[0]).toContain('chain_key');
    // Each part's download is audited too, so each holds one more event than the one before.
    expect(Number(csv.headers.get('x-total-count'))).toBe(rows.length + 1);
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'model.exported' } })).toBe(3);
    expect((await call(exportRoute.GET, { token: tokens.viewer, params: { name: model.name }, url: 'http://localhost/api?part=zip' })).status).toBe(400);
    expect((await call(exportRoute.GET, { token: tokens.viewer, params: { name: 'no-such-model' } })).status).toBe(404);
  });

  it('narrows the registry export to ?model= with its Production periods, and answers 404 for an unknown model', async () => {
    const model = await deployedModel();
    await seedModel({ owner: scientist });
    const answer = await call(registryExportRoute.GET, { token: tokens.admin, url: `http://localhost/api?model=${model.name}` });
    expect(answer.status).toBe(200);
    const json = answer.json as { models: { name: string; productionPeriods: { version: number }[]; versions: { modelSizeBytes: unknown }[] }[] };
    expect(json.models.map((m) => m.name)).toEqual([model.name]);
    expect(json.models[0]!.productionPeriods.map((p) => p.version)).toEqual([1, 2]);
    expect(json.models[0]!.versions[0]).toHaveProperty('changelog');
    expect((await call(registryExportRoute.GET, { token: tokens.admin, url: 'http://localhost/api?model=no-such-model' })).status).toBe(404);
    expect((await call(registryExportRoute.GET, { token: tokens.scientist })).status).toBe(403);
  });
});
