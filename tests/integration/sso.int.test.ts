// Single sign-on accounts against real Postgres: bound to (issuer, subject), linked by e-mail only when the
// provider verified it, one account for two first sign-ins at once. e2e/sso.spec.ts drives a real provider.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { SsoClaims } from '@/lib/auth/sso';
import { signInWithSso } from '@/lib/services/sign-in-with-sso';
import { createApiToken } from '@/lib/services/create-api-token';
import { makeActor } from './fixtures';

const ISSUER = 'https://id.example.test';
const claims = (overrides: Partial<SsoClaims> = {}): SsoClaims => ({ issuer: ISSUER, subject: `sub-${randomUUID()}`, email: `sso-${randomUUID().slice(0, 8)}@example.com`, emailVerified: true, name: 'SSO person', ...overrides });

describe('single sign-on accounts', () => {
  it('links an existing user only when the provider verified the e-mail', async () => {
    const admin = await makeActor('admin');
    expect(await signInWithSso(claims({ email: admin.label, emailVerified: false }))).toEqual({ ok: false, refusal: 'SsoUnverifiedEmail' });
    expect(await db.userIdentity.count({ where: { userId: admin.id! } })).toBe(0);
    const verified = claims({ email: admin.label });
    expect(await signInWithSso(verified)).toEqual({ ok: true, userId: admin.id });
    expect(await db.auditEvent.count({ where: { action: 'user.sso_linked', actorId: admin.id } })).toBe(1);
  });

  it('signs a bound identity in as its account whatever e-mail it shows later, and refuses a reused address', async () => {
    const person = await makeActor('scientist');
    const first = claims({ email: person.label });
    await signInWithSso(first);
    expect(await signInWithSso({ ...first, email: 'changed@example.com', emailVerified: false })).toEqual({ ok: true, userId: person.id });
    expect(await signInWithSso(claims({ email: person.label }))).toEqual({ ok: false, refusal: 'SsoEmailTaken' });
  });

  it('creates a viewer for a verified newcomer, once even when two first sign-ins race', async () => {
    const newcomer = claims();
    const results = await Promise.all([signInWithSso(newcomer), signInWithSso(newcomer), signInWithSso(newcomer)]);
    const ids = new Set(results.map((r) => (r.ok ? r.userId : null)));
    expect(ids.size).toBe(1);
    expect(await db.user.findUniqueOrThrow({ where: { email: newcomer.email! } })).toMatchObject({ role: 'viewer', kind: 'person', passwordHash: null });
    expect(await db.userIdentity.count({ where: { subject: newcomer.subject } })).toBe(1);
  });

  it('never signs in a service account or a disabled user', async () => {
    const admin = await makeActor('admin');
    await createApiToken(admin, { name: 'bot', role: 'viewer', serviceAccount: 'sso-probe' });
    const bot = await db.user.findFirstOrThrow({ where: { kind: 'service', name: 'sso-probe' } });
    expect(await signInWithSso(claims({ email: bot.email }))).toEqual({ ok: false, refusal: 'SsoNotAllowed' });
    await expect(db.userIdentity.create({ data: { issuer: ISSUER, subject: 'direct', userId: bot.id } })).rejects.toThrow();
    const gone = await makeActor('viewer');
    await db.user.update({ where: { id: gone.id! }, data: { disabled: true } });
    expect(await signInWithSso(claims({ email: gone.label }))).toEqual({ ok: false, refusal: 'SsoNotAllowed' });
  });
});
