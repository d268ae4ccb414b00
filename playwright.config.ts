import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { oidcE2eSettings } from './e2e/oidc/settings';
import { NEXT_BIN } from './scripts/lib/next-bin';

// scripts/e2e.ts prepares a seeded throwaway database and a production build, then runs this config.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const debianChromium = '/usr/bin/chromium';
// A real OpenID Connect provider on loopback, so single sign-on is tested end to end (e2e/sso.spec.ts).
const oidc = oidcE2eSettings({ ...process.env, E2E_PORT: String(port) });

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium where it exists (these machines cannot download Playwright's own), else Playwright's.
      executablePath: existsSync(debianChromium) ? debianChromium : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'] },
  ],
  webServer: [
    {
      command: 'node node_modules/tsx/dist/cli.mjs e2e/oidc/provider.ts',
      url: `${oidc.issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { E2E_PORT: String(port) },
    },
    {
      command: `node ${NEXT_BIN} start -p ${port}`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        DATABASE_URL: process.env.DATABASE_URL ?? '',
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-secret-not-for-production',
        NEXTAUTH_URL: baseURL,
        MODELGATE_DEMO: '1',
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: oidc.clientId,
        OIDC_CLIENT_SECRET: oidc.clientSecret,
        OIDC_NAME: oidc.name,
        // e2e/webhooks.spec.ts receives webhooks on loopback, which the app refuses unless allowed.
        MODELGATE_WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
        ...(process.env.MODELGATE_AUDIT_SIGNING_KEY ? { MODELGATE_AUDIT_SIGNING_KEY: process.env.MODELGATE_AUDIT_SIGNING_KEY } : {}),
      },
    },
  ],
});
