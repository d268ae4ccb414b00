import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { db } from '@/lib/db/prisma';
import { isRole } from '@/lib/registry';
import { verifyPassword } from './password';
import { signInWithSso, userForSsoIdentity } from '@/lib/services/sign-in-with-sso';
import { oidcProvider, ssoClaims, type OidcProfile } from './sso';
import { beginSignInAttempt, clientAddress, signInFailed, signInKeys, signInSucceeded } from './rate-limit';

/** Thrown to the sign-in form when too many attempts failed; the form says to wait. */
export const RATE_LIMITED = 'RATE_LIMITED';

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(1000) });

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  // Refusals (?error=…) land on our own sign-in page, which explains each one.
  pages: { signIn: '/signin', error: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, req) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const keys = signInKeys(parsed.data.email, clientAddress(req?.headers));
        const attempt = await beginSignInAttempt(keys);
        if (attempt.limited) throw new Error(RATE_LIMITED);
        const user = await db.user.findUnique({ where: { email: parsed.data.email } });
        const valid = await verifyPassword(user?.passwordHash, parsed.data.password);
        // One generic failure for unknown email, wrong password, disabled account and service account alike.
        if (!user || !valid || user.disabled || user.kind !== 'person') {
          await signInFailed();
          return null;
        }
        await signInSucceeded(keys, attempt);
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
    ...[oidcProvider()].filter((p) => p !== null),
  ],
  callbacks: {
    /**
     * SSO accounts are bound to the provider's (issuer, subject); an e-mail claims an existing account only
     * when the provider verified it (lib/auth/sso.ts decides, lib/services/sign-in-with-sso.ts records).
     * A refusal goes back to the sign-in page with its reason.
     */
    async signIn({ account, profile }) {
      if (account?.provider !== 'oidc') return true;
      const result = await signInWithSso(ssoClaims(profile as OidcProfile));
      return result.ok ? true : `/signin?error=${result.refusal}`;
    },
    async jwt({ token, user, account, profile }) {
      if (user && account?.provider === 'oidc') {
        const claims = ssoClaims(profile as OidcProfile);
        const row = await userForSsoIdentity(claims.issuer, claims.subject);
        token.uid = row?.id;
        token.role = row?.role;
      } else if (user) {
        token.uid = user.id;
        token.role = (user as { role?: string }).role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === 'string') {
        session.user.id = token.uid;
        session.user.role = isRole(token.role) ? token.role : 'viewer';
      }
      return session;
    },
  },
};
