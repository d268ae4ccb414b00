// Portfolio bulk actions (issue 16, item 4): a preview says exactly what applying does; each model changes
// in its own transaction with its own audit event, so one refusal undoes nothing else; per-model rights
// (grants, token scopes) decide per item; what changed between preview and apply is refused, not applied;
// bad input is a 400 with a code; results download as CSV (formulas defused) and JSON.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { MAX_PORTFOLIO_ITEMS, type PortfolioItemResult } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { setModelTag } from '@/lib/services/set-model-tag';
import { runPortfolioOperation, startPortfolioOperation } from '@/lib/services/apply-portfolio';
import * as previewRoute from '@/app/api/v1/portfolio/preview/route';
import * as operationsRoute from '@/app/api/v1/portfolio/operations/route';
import * as operationRoute from '@/app/api/v1/portfolio/operations/[id]/route';
import * as resultRoute from '@/app/api/v1/portfolio/operations/[id]/result/route';
import { call } from './api-client';
import { seedGrant, seedModel, seedPendingRequest, seedToken, seedUser, seedVersion, uniqueName } from '../fixtures';

interface Preview {
  total: number;
  counts: Record<string, number>;
  items: PortfolioItemResult[];
}
interface Operation extends Preview {
  id: string;
  status: string;
}

let admin: Actor, scientist: Actor;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  scientist = await seedUser({ role: 'scientist' });
  tokens.admin = await seedToken(admin);
  tokens.scientist = await seedToken(scientist);
});

const preview = (token: string, body: unknown) => call(previewRoute.POST, { method: 'POST', token, body });
const apply = (token: string, body: unknown, headers?: Record<string, string>) => call(operationsRoute.POST, { method: 'POST', token, body, headers });
const outcomes = (items: PortfolioItemResult[]) => Object.fromEntries(items.map((i) => [i.key, i.outcome]));
const expectedOf = (items: PortfolioItemResult[]) => Object.fromEntries(items.map((i) => [i.key, i.before ?? '']));

async function models(n: number, tags: string[] = []) {
  const prefix = uniqueName('pf');
  const names: string[] = [];
  for (let i = 0; i < n; i++) names.push((await seedModel({ owner: scientist, name: `${prefix}-${i}`, tags })).name);
  return names;
}

describe('portfolio bulk update', () => {
  it('previews without writing anything, and applying does exactly what the preview said, one audit event per model changed', async () => {
    const names = await models(3);
    await setModelTag(scientist, { model: names[1]!, key: 'tier', value: 'gold' });
    const body = { selection: { models: names }, action: { type: 'add-tag', key: 'tier', value: 'gold' } };
    const eventsBefore = await db.auditEvent.count();
    const seen = await preview(tokens.scientist!, body);
    expect(seen.status).toBe(200);
    const p = seen.json as Preview;
    expect(outcomes(p.items)).toEqual({ [names[0]!]: 'changed', [names[1]!]: 'unchanged', [names[2]!]: 'changed' });
    expect(p.items[0]).toMatchObject({ before: '(no tags)', after: 'tier=gold' });
    expect(p.items[1]!.reason).toBe('Already tagged tier=gold.');
    expect(await db.auditEvent.count(), 'a preview writes nothing, not even audit events').toBe(eventsBefore);
    expect((await db.registeredModel.findUniqueOrThrow({ where: { name: names[0]! } })).tags).toEqual([]);

    const applied = await apply(tokens.scientist!, { ...body, expected: expectedOf(p.items) });
    expect(applied.status).toBe(201);
    const op = applied.json as Operation;
    expect(op.status).toBe('done');
    // The same outcome, before, after and audit events per item as the preview promised.
    expect(op.items.map(({ key, outcome, before, after, events }) => ({ key, outcome, before, after, events }))).toEqual(p.items.map(({ key, outcome, before, after, events }) => ({ key, outcome, before, after, events })));
    expect(p.items[0]!.events).toEqual(['model.tag_set']);
    for (const name of names) expect((await db.registeredModel.findUniqueOrThrow({ where: { name } })).tags).toEqual(['tier=gold']);
    const events = await db.auditEvent.findMany({ where: { modelName: { in: names }, action: 'model.tag_set' } });
    expect(events.map((e) => e.modelName).sort(), 'one event per model changed, none for the one already tagged (besides its own earlier tag)').toEqual([names[0], names[1], names[2]].sort());
    const summary = await db.auditEvent.findFirstOrThrow({ where: { action: 'portfolio.applied', data: { path: ['operation'], equals: op.id } } });
    expect(summary.data).toMatchObject({ type: 'add-tag', changed: 2, unchanged: 1, refused: 0 });
  });

  it('archives each model in its own transaction: Production and unreachable versions are refused, the rest archived', async () => {
    const [name] = await models(1);
    const production = await seedVersion(name!, { stage: 'production' });
    const staging = await seedVersion(name!, { stage: 'staging' });
    const testing = await seedVersion(name!);
    const { number: requested } = await seedPendingRequest(name!);
    const byModel = await preview(tokens.scientist!, { selection: { models: [name] }, action: { type: 'archive', comment: 'tidy the portfolio' } });
    expect(byModel.status).toBe(200);
    // A model's Testing and Staging versions; Production is never archived by a move.
    expect(outcomes((byModel.json as Preview).items)).toEqual({ [`${name}/v${staging.number}`]: 'changed', [`${name}/v${testing.number}`]: 'changed', [`${name}/v${requested}`]: 'changed' });
    // The preview names the audit events the change would write, read from its rolled-back transaction:
    // archiving the requested version cancels its pending request, as the single Archive button does.
    const requestedItem = (byModel.json as Preview).items.find((i) => i.version === requested)!;
    expect(requestedItem.events).toEqual(['version.archived', 'promotion.cancelled']);
    expect((byModel.json as Preview).items.find((i) => i.version === testing.number)!.events).toEqual(['version.archived']);

    const versions = [production.number, staging.number, testing.number].map((number) => ({ model: name, number }));
    const applied = (await apply(tokens.scientist!, { selection: { versions }, action: { type: 'archive', comment: 'tidy the portfolio' } })).json as Operation;
    const prod = applied.items.find((i) => i.version === production.number)!;
    expect(prod).toMatchObject({ outcome: 'refused', code: 'INVALID_TRANSITION' });
    expect(prod.reason).toContain('is in Production');
    expect(applied.counts).toMatchObject({ changed: 2, refused: 1 });
    const stages = await db.modelVersion.findMany({ where: { model: { name } }, select: { number: true, stage: true }, orderBy: { number: 'asc' } });
    expect(stages.find((v) => v.number === production.number)!.stage, 'the refusal changed nothing').toBe('production');
    expect(stages.find((v) => v.number === staging.number)!.stage, 'and undid nothing else').toBe('archived');
    expect(stages.find((v) => v.number === testing.number)!.stage).toBe('archived');
    expect(await db.auditEvent.count({ where: { modelName: name, action: 'version.archived' } })).toBe(2);
    // The pending request's version stays in Staging, untouched: it was not selected.
    expect(stages.find((v) => v.number === requested)!.stage).toBe('staging');
  });

  it('decides per model by the caller\'s role there: a grant opens one model, a scoped token reaches only its own', async () => {
    const [granted, other] = await models(2);
    const viewer = await seedUser({ role: 'viewer' });
    await seedGrant(viewer, granted!, 'scientist');
    // A token acts with the lower of its role and the owner's role on each model: scientist on the granted one.
    const viewerToken = await seedToken(viewer, { role: 'scientist' });
    const body = { selection: { models: [granted, other] }, action: { type: 'add-tag', key: 'reviewed' } };
    const p = (await preview(viewerToken, body)).json as Preview;
    expect(outcomes(p.items)).toEqual({ [granted!]: 'changed', [other!]: 'refused' });
    const refusal = p.items.find((i) => i.model === other)!;
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', before: null });
    expect(refusal.reason).toContain('data scientist role');
    const op = (await apply(viewerToken, body)).json as Operation;
    expect(outcomes(op.items)).toEqual(outcomes(p.items));
    expect((await db.registeredModel.findUniqueOrThrow({ where: { name: granted! } })).tags).toEqual(['reviewed']);
    expect((await db.registeredModel.findUniqueOrThrow({ where: { name: other! } })).tags).toEqual([]);

    // A token restricted to one model: a filter sees only that model; naming another is refused for it alone.
    const scoped = await seedToken(admin, { model: granted! });
    const filtered = (await preview(scoped, { selection: { filter: { tag: 'reviewed' } }, action: { type: 'remove-tag', key: 'reviewed' } })).json as Preview;
    expect(filtered.items.map((i) => i.model)).toEqual([granted]);
    const named = (await preview(scoped, { selection: { models: [granted, other] }, action: { type: 'add-tag', key: 'x' } })).json as Preview;
    expect(named.items.find((i) => i.model === other)).toMatchObject({ outcome: 'refused', code: 'FORBIDDEN', reason: `This token is restricted to the model "${granted}".` });
  });

  it('refuses what changed since the preview, and what the preview did not list, instead of applying it blindly', async () => {
    const names = await models(3, ['batch-x']);
    const body = { selection: { filter: { tag: 'batch-x' } }, action: { type: 'add-tag', key: 'owner-team', value: 'risk' } };
    const p = (await preview(tokens.scientist!, body)).json as Preview;
    expect(p.counts.changed).toBe(3);
    // Someone tags one model by hand, and a fourth model starts matching the filter.
    await setModelTag(scientist, { model: names[0]!, key: 'owner-team', value: 'fraud' });
    const late = (await seedModel({ owner: scientist, name: `${names[0]}-late`, tags: ['batch-x'] })).name;
    const op = (await apply(tokens.scientist!, { ...body, expected: expectedOf(p.items) })).json as Operation;
    const byKey = Object.fromEntries(op.items.map((i) => [i.key, i]));
    expect(byKey[names[0]!]).toMatchObject({ outcome: 'refused', code: 'CONFLICT' });
    expect(byKey[names[0]!]!.reason).toContain('Changed since the preview');
    expect(byKey[late]).toMatchObject({ outcome: 'refused', code: 'CONFLICT' });
    expect(byKey[names[1]!]!.outcome).toBe('changed');
    expect((await db.registeredModel.findUniqueOrThrow({ where: { name: names[0]! } })).tags).toEqual(['batch-x', 'owner-team=fraud']);
    expect((await db.registeredModel.findUniqueOrThrow({ where: { name: late } })).tags).toEqual(['batch-x']);
  });

  it('copies a policy (admins only: a scientist is refused on every model) and hands models to a new owner', async () => {
    const [source, a, b] = await models(3);
    const policy = { staging: [{ kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.8 }], production: [{ kind: 'approvals', count: 2 }] };
    await call(previewRoute.POST, { method: 'POST', token: tokens.admin, body: { selection: { models: [source] }, action: { type: 'apply-policy', policy } } });
    await apply(tokens.admin!, { selection: { models: [source] }, action: { type: 'apply-policy', policy } });
    const copy = { selection: { models: [a, b, source] }, action: { type: 'apply-policy', fromModel: source } };
    const byScientist = (await preview(tokens.scientist!, { selection: { models: [a] }, action: { type: 'apply-policy', policy } })).json as Preview;
    expect(byScientist.items[0]).toMatchObject({ outcome: 'refused', code: 'FORBIDDEN' });
    const op = (await apply(tokens.admin!, copy)).json as Operation;
    expect(outcomes(op.items)).toEqual({ [a!]: 'changed', [b!]: 'changed', [source!]: 'unchanged' });
    expect(op.items[0]!.after).toBe('Staging: 1 gate · Production: 1 gate, 2 approvals');
    expect(await db.auditEvent.count({ where: { modelName: { in: [a!, b!] }, action: 'policy.updated' } })).toBe(2);

    const newOwner = await seedUser({ role: 'scientist' });
    const handed = (await apply(tokens.admin!, { selection: { models: [a, b] }, action: { type: 'change-owner', owner: newOwner.email.toUpperCase() } })).json as Operation;
    expect(handed.counts.changed).toBe(2);
    const row = await db.registeredModel.findUniqueOrThrow({ where: { name: a! }, select: { owner: { select: { email: true } } } });
    expect(row.owner.email).toBe(newOwner.email);
    const event = await db.auditEvent.findFirstOrThrow({ where: { modelName: a!, action: 'model.updated' }, orderBy: { id: 'desc' } });
    expect(event.data).toMatchObject({ field: 'owner', before: scientist.label, after: newOwner.email });
    // A scientist may not hand models over (admins, or an admin grant on the model).
    const refused = (await preview(tokens.scientist!, { selection: { models: [a] }, action: { type: 'change-owner', owner: scientist.label } })).json as Preview;
    expect(refused.items[0]).toMatchObject({ outcome: 'refused', code: 'FORBIDDEN' });
  });

  it('answers bad input with 400 and a code, before touching anything', async () => {
    const [name] = await models(1);
    const bad = async (body: unknown) => {
      const r = await preview(tokens.scientist!, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      return (r.json as { error: { code: string; message: string; details?: { code?: string } } }).error;
    };
    expect((await bad({ selection: { models: [] }, action: { type: 'add-tag', key: 'x' } })).message).toContain('Select at least one model');
    const tooMany = await bad({ selection: { models: Array.from({ length: MAX_PORTFOLIO_ITEMS + 1 }, (_, i) => `m-${i}`) }, action: { type: 'add-tag', key: 'x' } });
    expect(tooMany.message).toContain(`At most ${MAX_PORTFOLIO_ITEMS}`);
    expect((await bad({ selection: { models: [name] }, action: { type: 'paint' } })).message).toContain('add-tag, remove-tag, archive');
    expect((await bad({ selection: { models: [name] }, action: { type: 'archive' } })).code).toBe('INVALID_ARGUMENT');
    expect((await bad({ selection: { models: [name] }, action: { type: 'add-tag', key: 'bad=key' } })).code).toBe('INVALID_ARGUMENT');
    expect((await bad({ selection: { models: [name] }, action: { type: 'change-owner', owner: 'nobody@nowhere.example' } })).details?.code).toBe('UNKNOWN_OWNER');
    expect((await bad({ selection: { versions: [{ model: name, number: 1 }] }, action: { type: 'change-owner', owner: scientist.label } })).details?.code).toBe('SELECTION_KIND');
    expect((await bad({ selection: { filter: {} }, action: { type: 'add-tag', key: 'x' } })).code).toBe('INVALID_ARGUMENT');
    expect((await bad({ selection: { models: [name] }, action: { type: 'apply-policy' } })).message).toContain('fromModel');
  });

  it('refuses a filter that matches more than the limit with SELECTION_TOO_LARGE', async () => {
    const tag = uniqueName('wide');
    await db.registeredModel.createMany({
      data: Array.from({ length: MAX_PORTFOLIO_ITEMS + 1 }, (_, i) => ({ name: `${tag}-${i}`, tags: [tag], ownerId: scientist.id! })),
    });
    const r = await preview(tokens.scientist!, { selection: { filter: { tag } }, action: { type: 'add-tag', key: 'x' } });
    expect(r.status).toBe(400);
    expect((r.json as { error: { details: unknown } }).error.details).toEqual({ code: 'SELECTION_TOO_LARGE', limit: MAX_PORTFOLIO_ITEMS, selected: MAX_PORTFOLIO_ITEMS + 1 });
  });

  it('replays a retry with the same Idempotency-Key, shows progress by that key, and downloads the result as CSV (formulas defused) and JSON', async () => {
    const [name] = await models(1);
    const body = { selection: { models: [name, 'no-such-model-anywhere'] }, action: { type: 'add-tag', key: '-risk' } };
    const first = await apply(tokens.scientist!, body, { 'idempotency-key': `k-${name}` });
    expect(first.status).toBe(201);
    const again = await apply(tokens.scientist!, body, { 'idempotency-key': `k-${name}` });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const op = first.json as Operation;
    expect((again.json as Operation).id).toBe(op.id);
    expect(await db.auditEvent.count({ where: { modelName: name, action: 'model.tag_set' } }), 'applied once').toBe(1);
    expect(op.items.find((i) => i.model === 'no-such-model-anywhere')).toMatchObject({ outcome: 'refused', code: 'NOT_FOUND' });

    const listed = await call(operationsRoute.GET, { token: tokens.scientist, url: `http://localhost/api?idempotencyKey=k-${name}` });
    expect((listed.json as { operations: { id: string; total: number; status: string }[] }).operations).toEqual([expect.objectContaining({ id: op.id, total: 2, status: 'done' })]);
    const fetched = await call(operationRoute.GET, { token: tokens.scientist, params: { id: op.id } });
    expect((fetched.json as Operation).items).toEqual(op.items);
    // Someone else's operation does not exist for them; an admin reads any.
    expect((await call(operationRoute.GET, { token: await seedToken(await seedUser({ role: 'scientist' })), params: { id: op.id } })).status).toBe(404);
    expect((await call(operationRoute.GET, { token: tokens.admin, params: { id: op.id } })).status).toBe(200);

    const csv = await call(resultRoute.GET, { token: tokens.scientist, params: { id: op.id }, url: 'http://localhost/api?format=csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain(`modelgate-portfolio-${op.id}.csv`);
    const lines = (csv.json as string).replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('item,model,version,outcome,code,reason,before,after,audit_events');
    expect(lines[1]).toBe(`${name},${name},,changed,,,(no tags),'-risk,model.tag_set`);
    const json = await call(resultRoute.GET, { token: tokens.scientist, params: { id: op.id }, url: 'http://localhost/api?format=json' });
    expect((json.json as Operation).counts).toMatchObject({ changed: 1, refused: 1 });
  });

  it('never applies an item twice when two runs of one operation race (a retry resuming it while the first still runs)', async () => {
    const names = await models(4);
    const { id } = await startPortfolioOperation(scientist, { selection: { models: names }, action: { type: 'add-tag', key: 'raced', value: '' } }, null);
    await Promise.all([runPortfolioOperation(scientist, id), runPortfolioOperation(scientist, id)]);
    const items = await db.portfolioItem.findMany({ where: { operationId: id } });
    expect(items.map((i) => i.outcome)).toEqual(['changed', 'changed', 'changed', 'changed']);
    expect(await db.auditEvent.count({ where: { modelName: { in: names }, action: 'model.tag_set' } }), 'one event per model').toBe(4);
    expect(await db.auditEvent.count({ where: { action: 'portfolio.applied', data: { path: ['operation'], equals: id } } }), 'one summary').toBe(1);
  });

  it('finishes an interrupted operation when the request is retried with its Idempotency-Key', async () => {
    const names = await models(2);
    const body = { selection: { models: names }, action: { type: 'add-tag' as const, key: 'resumed', value: '' } };
    // As if the process died right after storing the operation: every item still pending.
    const { id } = await startPortfolioOperation(scientist, body, null, { idempotencyKey: `resume-${names[0]}` });
    const retried = await apply(tokens.scientist!, body, { 'idempotency-key': `resume-${names[0]}` });
    expect(retried.status).toBe(200);
    expect(retried.json).toMatchObject({ id, status: 'done', counts: { changed: 2, pending: 0 } });
  });
});

