import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { ssoName } from '@/lib/auth/sso';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/demo/users';
import { safeCallbackPath } from '@/components/auth/callback-url';
import { DemoLoginsHint } from '@/components/auth/demo-logins-hint';
import { SignInForm } from '@/components/auth/sign-in-form';
import { signInErrorMessage } from '@/components/auth/sign-in-errors';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Sign in' };

interface SignInPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const rawCallback = typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined;
  const callbackUrl = safeCallbackPath(rawCallback, (await headers()).get('host'));
  if (await getCurrentUser()) redirect(callbackUrl);
  // Read on the server: the hint must never ship to a real install's browser.
  const isDemo = process.env.MODELGATE_DEMO === '1';

  return (
    <div className="space-y-6">
      <Card className="p-6 sm:p-8">
        <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
        <p className="mt-1 mb-6 text-sm text-ink-muted">Use the account your registry administrator gave you.</p>
        {/* next-auth sends people back here with ?error= when a sign-in fails outside this form. */}
        <SignInForm callbackUrl={callbackUrl} initialError={signInErrorMessage(typeof params.error === 'string' ? params.error : undefined)} ssoName={ssoName()} />
      </Card>
      {isDemo && <DemoLoginsHint accounts={DEMO_USERS} password={DEMO_PASSWORD} />}
    </div>
  );
}
