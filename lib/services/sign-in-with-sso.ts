import { RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { decideSsoSignIn, type SsoClaims, type SsoRefusal } from '@/lib/auth/sso';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';

export type SsoSignIn = { ok: true; userId: string } | { ok: false; refusal: SsoRefusal };

/**
 * Finds, links or creates the account for a verified OpenID Connect sign-in (the rule is `decideSsoSignIn`).
 * Under an advisory lock on the identity and on the e-mail address, so two first sign-ins at once create
 * one account and one binding. A new account is a viewer; linking and creating are audited.
 */
export async function signInWithSso(claims: SsoClaims): Promise<SsoSignIn> {
  if (!claims.issuer || !claims.subject) throw new RegistryError('UNAUTHENTICATED', 'The identity provider sent no issuer or subject.');
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sso identity ${claims.issuer} ${claims.subject}`})), pg_advisory_xact_lock(hashtext(${`sso email ${claims.email ?? ''}`}))`;
    const identity = await tx.userIdentity.findUnique({
      where: { issuer_subject: { issuer: claims.issuer, subject: claims.subject } },
      select: { user: { select: { id: true, kind: true, disabled: true } } },
    });
    const emailUser = claims.email
      ? await tx.user.findUnique({ where: { email: claims.email }, select: { id: true, kind: true, disabled: true, identities: { where: { issuer: claims.issuer }, select: { subject: true } } } })
      : null;
    const decision = decideSsoSignIn(
      claims,
      identity ? { ...identity.user, boundSubject: claims.subject } : null,
      emailUser ? { id: emailUser.id, kind: emailUser.kind, disabled: emailUser.disabled, boundSubject: emailUser.identities[0]?.subject ?? null } : null,
    );
    const bind = (userId: string) => tx.userIdentity.create({ data: { issuer: claims.issuer, subject: claims.subject, userId, email: claims.email } });
    switch (decision.action) {
      case 'refuse':
        return { ok: false, refusal: decision.refusal };
      case 'sign-in':
        await tx.userIdentity.update({ where: { issuer_subject: { issuer: claims.issuer, subject: claims.subject } }, data: { lastLoginAt: clock.now() } });
        return { ok: true, userId: decision.userId };
      case 'link': {
        await bind(decision.userId);
        await recordAudit(tx, ssoActor(decision.userId, claims), { action: 'user.sso_linked', data: { userId: decision.userId, email: claims.email, issuer: claims.issuer, subject: claims.subject } });
        return { ok: true, userId: decision.userId };
      }
      case 'create': {
        const user = await tx.user.create({ data: { email: claims.email!, name: claims.name, role: 'viewer' }, select: { id: true } });
        await bind(user.id);
        await recordAudit(tx, ssoActor(user.id, claims), { action: 'user.created', data: { userId: user.id, email: claims.email, role: 'viewer', via: 'single sign-on', issuer: claims.issuer } });
        return { ok: true, userId: user.id };
      }
    }
  });
}

/** The person signing in is the actor of their own linking, as the audit timeline shows it. */
const ssoActor = (userId: string, claims: SsoClaims): Actor => ({ id: userId, label: `${claims.email} (single sign-on)`, role: 'viewer' });

/** The account bound to this identity, for the session token. */
export async function userForSsoIdentity(issuer: string, subject: string) {
  const identity = await db.userIdentity.findUnique({ where: { issuer_subject: { issuer, subject } }, select: { user: { select: { id: true, role: true } } } });
  return identity?.user ?? null;
}
