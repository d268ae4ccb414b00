import { describe, expect, it } from 'vitest';
import { oidcProvider, ssoName } from './sso';

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
});
