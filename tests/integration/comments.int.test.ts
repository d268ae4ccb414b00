// Issue 16 item 2: a discussion per version — markdown comments with @mentions, edited or withdrawn by their
// author (withdrawn by an admin with a reason), every change audited with the text before it, nothing deleted.
import { beforeAll, describe, expect, it } from 'vitest';
import * as commentsRoute from '@/app/api/v1/models/[name]/versions/[number]/comments/route';
import * as commentRoute from '@/app/api/v1/models/[name]/versions/[number]/comments/[id]/route';
import * as peopleRoute from '@/app/api/models/[name]/people/route';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { deleteVersion } from '@/lib/services/delete-version';
import { call } from './api-client';
import { asOwner } from './owner-sql';
import { makeActor, makeModel, register, tokenFor } from './fixtures';

let admin: Actor, scientist: Actor, colleague: Actor, approver: Actor, viewer: Actor;
let tokens: Record<'admin' | 'scientist' | 'colleague' | 'approver' | 'viewer', string>;
let model: string;

beforeAll(async () => {
  [admin, scientist, colleague, approver, viewer] = await Promise.all([makeActor('admin'), makeActor('scientist'), makeActor('scientist'), makeActor('approver'), makeActor('viewer')]);
  model = (await makeModel(scientist)).name;
  await register(scientist, model);
  const [a, s, c, ap, v] = await Promise.all([tokenFor(admin), tokenFor(scientist), tokenFor(colleague), tokenFor(approver), tokenFor(viewer)]);
  tokens = { admin: a, scientist: s, colleague: c, approver: ap, viewer: v };
});

const url = (number = 1) => `http://localhost/api/v1/models/${model}/versions/${number}/comments`;
const post = (token: string, body: unknown, number = 1) => call(commentsRoute.POST, { method: 'POST', url: url(number), params: { name: model, number: String(number) }, token, body });
const list = (token: string, query = '') => call(commentsRoute.GET, { url: `${url()}${query}`, params: { name: model, number: '1' }, token });
const patch = (token: string, id: string, body: unknown) => call(commentRoute.PATCH, { method: 'PATCH', url: `${url()}/${id}`, params: { name: model, number: '1', id }, token, body });
const withdraw = (token: string, id: string, body?: unknown) => call(commentRoute.DELETE, { method: 'DELETE', url: `${url()}/${id}`, params: { name: model, number: '1', id }, token, body });

async function commentBy(token: string, body: string): Promise<string> {
  const created = await post(token, { body });
  expect(created.status).toBe(201);
  return (created.json as { id: string }).id;
}

describe('commenting on a version', () => {
  it('records the comment, whom it mentions, and an audit event holding the text', async () => {
    const body = `Calibration looks off on the **EU** slice — @${approver.label} can you check? cc @${viewer.label.toUpperCase()} and @nobody@nowhere.example`;
    const created = await post(tokens.scientist, { body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ version: 1, body, author: { id: scientist.id }, editedAt: null, withdrawnAt: null });
    const mentions = (created.json as { mentions: { email: string }[] }).mentions.map((m) => m.email).sort();
    expect(mentions).toEqual([approver.label, viewer.label].sort());

    const id = (created.json as { id: string }).id;
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'comment.added', data: { path: ['commentId'], equals: id } } });
    expect(event).toMatchObject({ actorId: scientist.id, modelName: model, versionNumber: 1 });
    expect(event.data).toMatchObject({ body, mentions: expect.arrayContaining([approver.label, viewer.label]) });
    expect(await db.commentMention.count({ where: { commentId: id } })).toBe(2);

    const page = await list(tokens.viewer);
    expect(page.status).toBe(200);
    expect((page.json as { comments: { id: string }[] }).comments.map((c) => c.id)).toContain(id);
  });

  it('lets viewers read but not write, and answers bad input with a clear 4xx', async () => {
    expect((await post(tokens.viewer, { body: 'hello' })).json).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await post(tokens.scientist, { body: '   ' })).json).toMatchObject({ error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('empty') } });
    expect((await post(tokens.scientist, { body: 'x'.repeat(10_001) })).json).toMatchObject({ error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('10,000') } });
    expect((await post(tokens.scientist, { text: 'wrong field' })).status).toBe(400);
    expect((await post(tokens.scientist, { body: 'hi' }, 99)).json).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await patch(tokens.scientist, 'no-such-comment', { body: 'x' })).json).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('keeps a token restricted to another model out', async () => {
    const other = (await makeModel(scientist)).name;
    const scoped = await tokenFor(scientist, { model: other });
    expect((await post(scoped, { body: 'hi' })).json).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await list(scoped)).status).toBe(403);
  });

  it('pages the thread oldest first', async () => {
    const ids = [await commentBy(tokens.approver, 'first of three'), await commentBy(tokens.approver, 'second of three'), await commentBy(tokens.approver, 'third of three')];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(tokens.viewer, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const json = page.json as { comments: { id: string }[]; nextCursor: string | null };
      seen.push(...json.comments.map((c) => c.id));
      cursor = json.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
  });
});

describe('editing and withdrawing', () => {
  it('lets only the author edit, and audits the text before and after', async () => {
    const id = await commentBy(tokens.scientist, 'Typo in teh card');
    expect((await patch(tokens.colleague, id, { body: 'hijacked' })).json).toMatchObject({ error: { code: 'FORBIDDEN', message: 'Only its author can edit a comment.' } });
    expect((await patch(tokens.admin, id, { body: 'hijacked' })).status).toBe(403);

    const edited = await patch(tokens.scientist, id, { body: `Typo in the card, @${colleague.label}` });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ body: `Typo in the card, @${colleague.label}`, editedAt: expect.any(String), mentions: [{ email: colleague.label }] });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'comment.edited', data: { path: ['commentId'], equals: id } } });
    expect(event.data).toMatchObject({ before: 'Typo in teh card', after: `Typo in the card, @${colleague.label}` });
  });

  it('lets the author withdraw, and an admin only with a reason; the text stays in the audit', async () => {
    const own = await commentBy(tokens.colleague, 'Never mind');
    expect((await withdraw(tokens.scientist, own)).json).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const withdrawn = await withdraw(tokens.colleague, own);
    expect(withdrawn.json).toMatchObject({ body: '', withdrawnAt: expect.any(String), mentions: [] });
    expect((await patch(tokens.colleague, own, { body: 'back' })).json).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await withdraw(tokens.colleague, own)).status).toBe(409);

    const rude = await commentBy(tokens.scientist, 'something out of line');
    expect((await withdraw(tokens.admin, rude)).json).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    const moderated = await withdraw(tokens.admin, rude, { reason: 'Off-topic and personal' });
    expect(moderated.json).toMatchObject({ body: '', withdrawnBy: 'admin tester' });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'comment.withdrawn', data: { path: ['commentId'], equals: rude } } });
    expect(event).toMatchObject({ actorId: admin.id, comment: 'Off-topic and personal' });
    expect(event.data).toMatchObject({ before: 'something out of line', byAuthor: false });
    expect(await db.versionComment.count({ where: { id: { in: [own, rude] } } })).toBe(2);
  });
});

describe('the database keeps the record', () => {
  it('refuses to move a comment to another author or delete it, even for its owner role', async () => {
    const id = await commentBy(tokens.scientist, 'on the record');
    await expect(db.$executeRaw`UPDATE "version_comment" SET "author_id" = ${colleague.id} WHERE "id" = ${id}`).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`DELETE FROM "version_comment" WHERE "id" = ${id}`).rejects.toThrow(/permission denied/);
    await expect(asOwner([`DELETE FROM "version_comment" WHERE "id" = $1`, [id]])).rejects.toThrow(/never deleted/);
    await expect(asOwner([`UPDATE "version_comment" SET "body" = '' , "deleted_at" = now() WHERE "id" = $1`, [id]], [`UPDATE "version_comment" SET "body" = 'revived', "deleted_at" = NULL WHERE "id" = $1`, [id]])).rejects.toThrow(/withdrawn comment stays withdrawn/);
    expect(await db.versionComment.findUniqueOrThrow({ where: { id } })).toMatchObject({ body: 'on the record', deletedAt: null });
  });

  it('lets a comment go with a version that never served, when that version is deleted', async () => {
    await register(scientist, model);
    const created = await post(tokens.scientist, { body: 'short-lived' }, 2);
    const id = (created.json as { id: string }).id;
    await deleteVersion(scientist, { model, number: 2 });
    expect(await db.versionComment.count({ where: { id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'comment.added', data: { path: ['commentId'], equals: id } } })).toBe(1);
  });
});

describe('the composer’s @ list', () => {
  it('finds active people by name or e-mail, for those who may comment', async () => {
    const found = await call(peopleRoute.GET, { url: `http://localhost/api/models/${model}/people?q=${encodeURIComponent(approver.label.slice(0, 12))}`, params: { name: model }, token: tokens.scientist });
    expect((found.json as { people: { email: string }[] }).people.map((p) => p.email)).toContain(approver.label);
    expect((await call(peopleRoute.GET, { url: `http://localhost/api/models/${model}/people?q=a`, params: { name: model }, token: tokens.viewer })).status).toBe(403);
  });
});
