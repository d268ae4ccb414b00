// The fixture builders of tests/fixtures, in the Playwright worker: each spec builds the users, models and
// versions it needs through the real services, against the database the app under test uses
// (scripts/e2e.ts passes its DATABASE_URL: the app's runtime role, the role the services are written for).
// Plus signing a seeded user in without the sign-in form, which e2e/auth.setup.ts and the sign-in specs test.
import type { Browser, BrowserContext, BrowserContextOptions } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { require as tsxRequire } from 'tsx/cjs/api';
import type * as Builders from '../tests/fixtures';

// Playwright compiles TypeScript to CommonJS but leaves `import.meta` in place, which the generated Prisma
// client uses; tsx (which runs the seed and the scripts) rewrites it, so the builders load through tsx.
const builders = tsxRequire('../tests/fixtures/index.ts', __filename) as typeof Builders;

export const { COMPLETE_CARD, seedGrant, seedModel, seedPendingRequest, seedProductionVersion, seedToken, seedUser, seedVersion, uniqueName } = builders;
export type SeededUser = Builders.SeededUser;

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

const SESSION_HOURS = 8;

/**
 * A session for `user` as next-auth would issue it after signing in (the same JWT, sealed with the app's
 * NEXTAUTH_SECRET), for `browser.newContext({ storageState })` and `playwright.request.newContext`.
 */
export async function sessionFor(user: SeededUser): Promise<StorageState> {
  const secret = process.env.NEXTAUTH_SECRET ?? 'e2e-secret-not-for-production';
  const value = await encode({ secret, maxAge: SESSION_HOURS * 3600, token: { sub: user.id, uid: user.id, role: user.role, name: user.name, email: user.email } });
  const expires = Math.floor(Date.now() / 1000) + SESSION_HOURS * 3600;
  return { cookies: [{ name: 'next-auth.session-token', value, domain: 'localhost', path: '/', expires, httpOnly: true, secure: false, sameSite: 'Lax' }], origins: [] };
}

/** A browser context signed in as `user`. */
export async function contextFor(browser: Browser, user: SeededUser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...options, storageState: await sessionFor(user) });
}

/** A page in a new context signed in as `user`; close it with `page.context().close()`. */
export async function pageFor(browser: Browser, user: SeededUser, options: BrowserContextOptions = {}) {
  return (await contextFor(browser, user, options)).newPage();
}

/**
 * The people of one spec, each a new user with a demo-like name (so what the pages say about them reads
 * as before): Sami Scientist, Ada Approver, Ben Approver, Vera Viewer, Alex Admin.
 */
export async function seedPeople() {
  const [scientist, approver, approver2, viewer, admin] = await Promise.all([
    seedUser({ role: 'scientist', name: 'Sami Scientist' }),
    seedUser({ role: 'approver', name: 'Ada Approver' }),
    seedUser({ role: 'approver', name: 'Ben Approver' }),
    seedUser({ role: 'viewer', name: 'Vera Viewer' }),
    seedUser({ role: 'admin', name: 'Alex Admin' }),
  ]);
  return { scientist: scientist!, approver: approver!, approver2: approver2!, viewer: viewer!, admin: admin! };
}
export type People = Awaited<ReturnType<typeof seedPeople>>;
