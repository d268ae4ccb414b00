import type { OAuthConfig } from 'next-auth/providers/oauth';

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
}

/** The SSO button's label, or null when no OIDC provider is configured. */
export function ssoName(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET ? (env.OIDC_NAME ?? 'SSO') : null;
}

/**
 * An OpenID Connect provider from environment variables (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
 * optional OIDC_NAME), discovered through the issuer's well-known document. Null when not configured.
 */
export function oidcProvider(env: NodeJS.ProcessEnv = process.env): OAuthConfig<OidcProfile> | null {
  const name = ssoName(env);
  if (!name) return null;
  const issuer = env.OIDC_ISSUER!.replace(/\/$/, '');
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
