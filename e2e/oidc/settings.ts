// Shared by the test provider (provider.ts), Playwright's config and the specs.

export interface TestAccount {
  email: string;
  emailVerified: boolean;
  name: string;
}

/**
 * The people at the test provider, by subject — which is also the username typed on its login page.
 * A spec may change someone's address at the provider with POST /test/accounts/<subject>?email=… .
 */
export const OIDC_ACCOUNTS: Record<string, TestAccount> = {
  // Verified e-mail of a seeded Modelgate user: links that user on first sign-in.
  vera: { email: 'viewer@example.com', emailVerified: true, name: 'Vera (SSO)' },
  // Someone else who holds the same address at the provider (after Vera's changed): not Vera.
  'new-holder': { email: 'viewer@example.com', emailVerified: true, name: 'Address reused' },
  // Claims the admin's address without the provider having verified it.
  mallory: { email: 'admin@example.com', emailVerified: false, name: 'Mallory' },
  // A verified newcomer: gets a viewer account.
  newcomer: { email: 'newcomer@example.com', emailVerified: true, name: 'Nour Newcomer' },
};

export function oidcE2eSettings(env: NodeJS.ProcessEnv = process.env) {
  const appPort = Number(env.E2E_PORT ?? 3100);
  // Beside the app's port, so engineers with their own E2E_PORT do not collide.
  const port = Number(env.OIDC_E2E_PORT ?? appPort + 1000);
  return {
    port,
    issuer: `http://127.0.0.1:${port}`,
    clientId: 'modelgate-e2e',
    clientSecret: 'modelgate-e2e-client-secret',
    redirectUri: `http://localhost:${appPort}/api/auth/callback/oidc`,
    name: 'Test SSO',
  };
}
