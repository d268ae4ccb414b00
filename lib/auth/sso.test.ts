import { describe, expect, it } from 'vitest';
import { decideSsoSignIn, oidcProvider, ssoClaims, ssoName } from './sso';

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe('OIDC single sign-on', () => {
  it('is off unless issuer, client id and secret are all set', () => {
    expect(oidcProvider(env({}))).toBeNull();
    expect(oidcProvider(env({ OIDC_ISSUER: 'https://id.example.com', OIDC_CLIENT_ID: 'mg' }))).toBeNull();
    expect(ssoName(env({}))).toBeNull();
  });

  it('discovers the provider from the issuer and asks for email and profile', () => {
    const provider = oidcProvider(env({ OIDC_ISSUER: 'https://id.example.com/', OIDC_CLIENT_ID: 'mg', OIDC_CLIENT_SECRET: 's', OIDC_NAME: 'Acme SSO' }))!;
    expect(provider).toMatchObject({ id: 'oidc', name: 'Acme SSO', wellKnown: 'https://id.example.com/.well-known/openid-configuration', idToken: true, clientId: 'mg' });
    expect(provider.profile!({ sub: 'u1', email: 'ada@acme.com', name: 'Ada' }, {} as never)).toEqual({ id: 'u1', email: 'ada@acme.com', name: 'Ada' });
  });

  it('reads issuer, subject and a verified e-mail from the ID token', () => {
    expect(ssoClaims({ iss: 'https://id.example.com/', sub: 'u1', email: ' Ada@Acme.com ', email_verified: 'true' })).toEqual({ issuer: 'https://id.example.com', subject: 'u1', email: 'ada@acme.com', emailVerified: true, name: 'ada@acme.com' });
    expect(ssoClaims({ sub: 'u1', email: 'ada@acme.com' }, env({ OIDC_ISSUER: 'https://id.example.com' }))).toMatchObject({ issuer: 'https://id.example.com', emailVerified: false });
  });
});

describe('deciding a single sign-on', () => {
  const verified = { issuer: 'i', subject: 's1', email: 'ada@acme.com', emailVerified: true, name: 'Ada' };
  const person = { id: 'u1', kind: 'person' as const, disabled: false, boundSubject: null };

  it('signs a bound identity in as its account, whatever it claims now', () => {
    expect(decideSsoSignIn({ ...verified, emailVerified: false }, { ...person, boundSubject: 's1' }, null)).toEqual({ action: 'sign-in', userId: 'u1' });
  });

  it('links by e-mail only when verified, and never over another binding', () => {
    expect(decideSsoSignIn({ ...verified, emailVerified: false }, null, person)).toEqual({ action: 'refuse', refusal: 'SsoUnverifiedEmail' });
    expect(decideSsoSignIn(verified, null, person)).toEqual({ action: 'link', userId: 'u1' });
    expect(decideSsoSignIn(verified, null, { ...person, boundSubject: 's0' })).toEqual({ action: 'refuse', refusal: 'SsoEmailTaken' });
    expect(decideSsoSignIn(verified, null, null)).toEqual({ action: 'create' });
  });

  it('never lets in a service account or a disabled user', () => {
    expect(decideSsoSignIn(verified, null, { ...person, kind: 'service' })).toMatchObject({ action: 'refuse' });
    expect(decideSsoSignIn(verified, { ...person, disabled: true, boundSubject: 's1' }, null)).toMatchObject({ action: 'refuse' });
  });
});
