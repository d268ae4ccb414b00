import type { OAuthConfig } from 'next-auth/providers/oauth';

export interface OidcProfile {
  iss?: string;
  sub: string;
  email?: string;
  // Some providers send the string "true".
  email_verified?: boolean | string;
  name?: string;
  preferred_username?: string;
}

/** The SSO button's label, or null when no OIDC provider is configured. */
export function ssoName(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET ? (env.OIDC_NAME ?? 'SSO') : null;
}

const normaliseIssuer = (issuer: string) => issuer.replace(/\/$/, '');

/**
 * An OpenID Connect provider from environment variables (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
 * optional OIDC_NAME), discovered through the issuer's well-known document. Null when not configured.
 * The ID token is verified by next-auth (signature, issuer, audience, expiry, nonce/PKCE, state).
 */
export function oidcProvider(env: NodeJS.ProcessEnv = process.env): OAuthConfig<OidcProfile> | null {
  const name = ssoName(env);
  if (!name) return null;
  const issuer = normaliseIssuer(env.OIDC_ISSUER!);
  return {
    id: 'oidc',
    name,
    type: 'oauth',
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    idToken: true,
    checks: ['pkce', 'state'],
    authorization: { params: { scope: 'openid email profile' } },
    profile: (p) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? p.preferred_username ?? p.email ?? p.sub }),
  };
}

/** What a sign-in through the provider tells us, as far as binding an account goes. */
export interface SsoClaims {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string;
}

/** The claims of a verified ID token; the issuer falls back to the configured one (they were checked equal). */
export function ssoClaims(profile: OidcProfile, env: NodeJS.ProcessEnv = process.env): SsoClaims {
  const email = profile.email?.trim().toLowerCase() || null;
  return {
    issuer: normaliseIssuer(profile.iss ?? env.OIDC_ISSUER ?? ''),
    subject: profile.sub,
    email,
    emailVerified: profile.email_verified === true || profile.email_verified === 'true',
    name: profile.name ?? profile.preferred_username ?? email ?? profile.sub,
  };
}

/** Why a single sign-on is refused; each has its own message on the sign-in page. */
export const SSO_REFUSALS = {
  SsoUnverifiedEmail: 'Your identity provider has not verified your e-mail address, so Modelgate cannot tell which account is yours. Verify it there, or ask an admin.',
  SsoEmailTaken: 'An account with your e-mail address is already linked to a different identity at your provider. Ask an admin to check it.',
  SsoNotAllowed: 'This account cannot sign in with single sign-on. Ask an admin.',
} as const;
export type SsoRefusal = keyof typeof SSO_REFUSALS;

export interface ExistingAccount {
  id: string;
  kind: 'person' | 'service';
  disabled: boolean;
  /** The subject this account is already bound to at the same issuer, if any. */
  boundSubject: string | null;
}

export type SsoDecision = { action: 'sign-in'; userId: string } | { action: 'link'; userId: string } | { action: 'create' } | { action: 'refuse'; refusal: SsoRefusal };

/**
 * Binding by (issuer, subject), never by e-mail alone: an identity already bound signs in as its account
 * whatever e-mail it now shows; an unbound one may claim an account by e-mail only when the provider says
 * it verified that address, only for a person, and only if the account is not bound to someone else there.
 */
export function decideSsoSignIn(claims: SsoClaims, bound: ExistingAccount | null, byEmail: ExistingAccount | null): SsoDecision {
  if (bound) return bound.kind === 'person' && !bound.disabled ? { action: 'sign-in', userId: bound.id } : { action: 'refuse', refusal: 'SsoNotAllowed' };
  if (!claims.email || !claims.emailVerified) return { action: 'refuse', refusal: 'SsoUnverifiedEmail' };
  if (!byEmail) return { action: 'create' };
  if (byEmail.kind !== 'person' || byEmail.disabled) return { action: 'refuse', refusal: 'SsoNotAllowed' };
  if (byEmail.boundSubject && byEmail.boundSubject !== claims.subject) return { action: 'refuse', refusal: 'SsoEmailTaken' };
  return { action: 'link', userId: byEmail.id };
}
