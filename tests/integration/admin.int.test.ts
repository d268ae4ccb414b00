import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { actorFromToken } from '@/lib/auth/api-token';
import { roleOn } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { inviteUser } from '@/lib/services/invite-user';
import { removeGrant } from '@/lib/services/remove-grant';
import { setGrant } from '@/lib/services/set-grant';
import { updateUser } from '@/lib/services/update-user';
import { createApiToken } from '@/lib/services/create-api-token';
import { revokeApiToken } from '@/lib/services/revoke-api-token';
import { previewPolicy, updatePolicy } from '@/lib/services/update-policy';
import { rollbackModel } from '@/lib/services/rollback-model';
import { makeActor, makeModel, register } from './fixtures';

let admin: Actor, scientist: Actor, approver: Actor;

beforeAll(async () => {
  [admin, scientist, approver] = await Promise.all([makeActor('admin'), makeActor('scientist'), makeActor('approver')]);
});

describe('users', () => {
  it('creates a user with a generated one-time password, audited', async () => {
    const email = `new-${randomUUID().slice(0, 6)}@example.com`;
    const { user, oneTimePassword } = await inviteUser(admin, { email, name: 'New Person', role: 'viewer' });
    expect(oneTimePassword).toMatch(/^[\w-]{16}$/);
    expect(user).toMatchObject({ email, role: 'viewer' });
    expect(await db.auditEvent.count({ where: { action: 'user.created', data: { path: ['email'], equals: email } } })).toBe(1);
    await expect(inviteUser(scientist, { email: `x${email}`, name: 'x', role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('never removes the last active admin, even when two admins demote each other at once', async () => {
    // Make the two test admins the only active ones.
    const others = await db.user.findMany({ where: { role: 'admin', disabled: false, id: { not: admin.id! } }, select: { id: true } });
    const second = await makeActor('admin');
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabled: true } });
    try {
      const results = await Promise.allSettled([
        updateUser(admin, { userId: second.id!, role: 'viewer' }),
        updateUser(second, { userId: admin.id!, role: 'viewer' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected?.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('at least one active admin') });
      expect(await db.user.count({ where: { role: 'admin', disabled: false } })).toBe(1);
    } finally {
      await db.user.updateMany({ where: { id: { in: [...others.map((o) => o.id), admin.id!, second.id!] } }, data: { disabled: false, role: 'admin' } });
    }
  });

  it('records role changes with before and after', async () => {
    const target = await makeActor('viewer');
    await updateUser(admin, { userId: target.id!, role: 'scientist' });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.updated', data: { path: ['userId'], equals: target.id! } } });
    expect(event.data).toMatchObject({ before: { role: 'viewer' }, after: { role: 'scientist' } });
  });
});

describe('per-model grants', () => {
  it('let a viewer roll back one model and nothing else, and can be removed', async () => {
    const user = await makeActor('viewer');
    const model = await makeModel(scientist);
    await register(scientist, model.name);
    await setGrant(admin, { userId: user.id!, model: model.name, role: 'approver' });
    const grants = Object.fromEntries((await db.modelGrant.findMany({ where: { userId: user.id! }, include: { model: true } })).map((g) => [g.model.name, g.role]));
    const withGrants: Actor = { ...user, grants };
    expect(roleOn(withGrants, model.name)).toBe('approver');
    expect(roleOn(withGrants, 'other-model')).toBe('viewer');
    // The grant gets past the permission check (no version in Production is the next problem).
    await expect(rollbackModel(withGrants, { model: model.name, reason: 'testing grant' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(rollbackModel(withGrants, { model: 'other-model', reason: 'testing grant' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await removeGrant(admin, { userId: user.id!, model: model.name });
    expect(await db.modelGrant.count({ where: { userId: user.id! } })).toBe(0);
  });
});

describe('API tokens', () => {
  it('authenticate as their owner with their role, and stop working once revoked', async () => {
    const { token, record } = await createApiToken(admin, { name: 'pipeline', role: 'scientist' });
    expect(token).toMatch(/^mgt_/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(await actorFromToken(token)).toMatchObject({ id: admin.id, role: 'scientist' });
    await revokeApiToken(admin, { tokenId: record.id });
    await expect(actorFromToken(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('cannot exceed the owner, honour expiry and model restriction', async () => {
    const account = `pipeline-${randomUUID().slice(0, 6)}`;
    await createApiToken(admin, { name: 'reads', serviceAccount: account, role: 'scientist' });
    await expect(createApiToken(admin, { name: 'too strong', serviceAccount: account, role: 'approver' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const model = await makeModel(scientist);
    const { token } = await createApiToken(admin, { name: 'scoped', role: 'approver', model: model.name });
    const actor = await actorFromToken(token);
    expect(roleOn(actor, model.name)).toBe('approver');
    expect(roleOn(actor, 'anything-else')).toBeNull();
    const expired = await createApiToken(admin, { name: 'old', role: 'viewer', expiresInDays: 1 });
    await db.apiToken.update({ where: { id: expired.record.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(actorFromToken(expired.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(actorFromToken('mgt_not-a-real-token')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('expire after 90 days unless "never" is asked for explicitly', async () => {
    const days = (at: Date | null) => (at ? Math.round((at.getTime() - Date.now()) / 86_400_000) : null);
    expect(days((await createApiToken(admin, { name: 'default', role: 'viewer' })).record.expiresAt)).toBe(90);
    expect(days((await createApiToken(admin, { name: 'short', role: 'viewer', expiresInDays: 7 })).record.expiresAt)).toBe(7);
    expect((await createApiToken(admin, { name: 'forever', role: 'viewer', expiresInDays: 'never' })).record.expiresAt).toBeNull();
  });
});

describe('policies', () => {
  it('validates, previews without saving, and audits before/after on save', async () => {
    const model = await makeModel(scientist);
    await register(scientist, model.name);
    const strict = { staging: [{ kind: 'metric-threshold' as const, metric: 'auc', op: '>=' as const, value: 0.99 }], production: [] };
    const preview = await previewPolicy(admin, { model: model.name, policy: strict });
    expect(preview).toEqual([expect.objectContaining({ number: 1, stage: 'testing', target: 'staging', failing: 1 })]);
    expect(await db.modelPolicy.count({ where: { modelId: model.id } })).toBe(0);
    await expect(updatePolicy(admin, { model: model.name, policy: { staging: [{ kind: 'approvals', count: -1 }], production: [] } as never })).rejects.toThrow();
    await updatePolicy(admin, { model: model.name, policy: strict });
    const event = await db.auditEvent.findFirstOrThrow({ where: { modelId: model.id, action: 'policy.updated' } });
    expect(event.data).toMatchObject({ before: { production: expect.any(Array) }, after: strict });
    await expect(updatePolicy(approver, { model: model.name, policy: strict })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a save over a policy someone else saved after the editor loaded it, changing nothing', async () => {
    const model = await makeModel(scientist);
    const secondAdmin = await makeActor('admin');
    const loose = { staging: [], production: [{ kind: 'approvals' as const, count: 1 }] };
    const strict = { staging: [], production: [{ kind: 'approvals' as const, count: 3 }] };
    // Both admins opened the editor on the default policy (never saved).
    const first = await updatePolicy(admin, { model: model.name, policy: strict, expectedUpdatedAt: null });
    await expect(updatePolicy(secondAdmin, { model: model.name, policy: loose, expectedUpdatedAt: null })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Someone else saved'),
    });
    expect((await db.modelPolicy.findUniqueOrThrow({ where: { modelId: model.id } })).gates).toMatchObject({ production: [{ kind: 'approvals', count: 3 }] });
    // After reloading, the second admin's save goes through.
    await updatePolicy(secondAdmin, { model: model.name, policy: loose, expectedUpdatedAt: first.updatedAt });
    expect(await db.auditEvent.count({ where: { modelId: model.id, action: 'policy.updated' } })).toBe(2);
  });
});

// The sign-in limits have their own file: sign-in-limits.int.test.ts.
