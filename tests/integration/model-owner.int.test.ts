// PUT /api/v1/models/:name/owner – the one-model "change owner" (issue 16, item 4): the same service as the
// portfolio change-owner action, so the same permission (model.transfer: admins, or an admin grant on the
// model), the same refusals and the same model.updated audit event.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { updateUser } from '@/lib/services/update-user';
import * as ownerRoute from '@/app/api/v1/models/[name]/owner/route';
import { call } from './api-client';
import { seedGrant, seedModel, seedToken, seedUser } from '../fixtures';

let admin: Actor, scientist: Actor;
beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  scientist = await seedUser({ role: 'scientist' });
});

const put = (token: string, name: string, body: unknown) => call(ownerRoute.PUT, { method: 'PUT', token, params: { name }, body });
const ownerOf = async (name: string) => (await db.registeredModel.findUniqueOrThrow({ where: { name }, select: { owner: { select: { email: true } } } })).owner.email;
const error = (json: unknown) => (json as { error: { code: string; message: string; details?: { code?: string } } }).error;

describe('PUT /api/v1/models/:name/owner', () => {
  it('hands the model over for an admin, with one model.updated event; the same owner again changes and records nothing', async () => {
    const model = await seedModel({ owner: scientist });
    const next = await seedUser({ role: 'scientist' });
    const token = await seedToken(admin);
    const r = await put(token, model.name, { owner: next.email.toUpperCase() });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ model: model.name, owner: next.email, changed: true });
    expect(await ownerOf(model.name)).toBe(next.email);
    const events = await db.auditEvent.findMany({ where: { modelName: model.name, action: 'model.updated' } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ field: 'owner', before: scientist.label, after: next.email });

    const again = await put(token, model.name, { owner: next.email });
    expect(again.json).toEqual({ model: model.name, owner: next.email, changed: false });
    expect(await db.auditEvent.count({ where: { modelName: model.name, action: 'model.updated' } })).toBe(1);
  });

  it('refuses every role but admin (403, nothing written), and allows a viewer with an admin grant on that model only', async () => {
    const model = await seedModel({ owner: scientist });
    const other = await seedModel({ owner: scientist });
    const next = await seedUser({ role: 'scientist' });
    for (const role of ['viewer', 'scientist', 'approver'] as const) {
      const user = await seedUser({ role });
      const r = await put(await seedToken(user), model.name, { owner: next.email });
      expect(r.status, role).toBe(403);
      expect(error(r.json).code).toBe('FORBIDDEN');
    }
    expect(await ownerOf(model.name)).toBe(scientist.label);

    const granted = await seedUser({ role: 'viewer' });
    await seedGrant(granted, model, 'admin');
    // A token acts with the lower of its role and its owner's role on each model: admin on the granted one only.
    const token = await seedToken(granted, { role: 'admin' });
    expect((await put(token, model.name, { owner: next.email })).status).toBe(200);
    expect(await ownerOf(model.name)).toBe(next.email);
    expect((await put(token, other.name, { owner: next.email })).status).toBe(403);
    expect(await ownerOf(other.name)).toBe(scientist.label);
    // An admin token scoped to another model may not touch this one.
    const scoped = await seedToken(admin, { model: other });
    expect((await put(scoped, model.name, { owner: scientist.label })).status).toBe(403);
    expect(await db.auditEvent.count({ where: { modelName: other.name, action: 'model.updated' } })).toBe(0);
  });

  it('answers bad input with 400 and a code, unknown models with 404, and writes nothing', async () => {
    const model = await seedModel({ owner: scientist });
    const token = await seedToken(admin);
    const unknown = await put(token, model.name, { owner: 'nobody@nowhere.example' });
    expect(unknown.status).toBe(400);
    expect(error(unknown.json)).toMatchObject({ code: 'INVALID_ARGUMENT', details: { code: 'UNKNOWN_OWNER' } });
    expect(error(unknown.json).message).toContain('nobody@nowhere.example');
    const gone = await seedUser({ role: 'scientist' });
    await updateUser(admin, { userId: gone.id!, disabled: true });
    const disabled = await put(token, model.name, { owner: gone.email });
    expect(disabled.status).toBe(400);
    expect(error(disabled.json).details?.code).toBe('OWNER_DISABLED');
    expect((await put(token, model.name, { owner: 'not an email' })).status).toBe(400);
    expect((await put(token, model.name, {})).status).toBe(400);
    expect((await put(token, model.name, { owner: scientist.label, extra: 1 })).status).toBe(400);
    expect((await put(token, 'no-such-model-anywhere', { owner: scientist.label })).status).toBe(404);
    expect(await ownerOf(model.name)).toBe(scientist.label);
    expect(await db.auditEvent.count({ where: { modelName: model.name, action: 'model.updated' } })).toBe(0);
  });
});
