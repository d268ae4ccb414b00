'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/input';

import { RATE_LIMITED, RATE_LIMITED_MESSAGE, SIGN_IN_FAILED } from './sign-in-errors';

export { SIGN_IN_FAILED } from './sign-in-errors';

/** `initialError`: the message for the ?error= next-auth sent the browser back with (see sign-in-errors.ts). */
export function SignInForm({ callbackUrl, initialError, ssoName }: { callbackUrl: string; initialError: string | null; ssoName?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  // Only a wrong email or password is the fields' fault; single sign-on and rate limits are not.
  const fieldsInvalid = error === SIGN_IN_FAILED;
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
        callbackUrl,
      });
      if (!result?.ok || result.error) {
        setError(result?.error === RATE_LIMITED ? RATE_LIMITED_MESSAGE : SIGN_IN_FAILED);
        setPending(false);
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setError('Could not reach Modelgate. Check your connection and try again.');
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <div className="space-y-1.5">
        <Label htmlFor="signin-email">Email</Label>
        <Input id="signin-email" name="email" type="email" autoComplete="username" required autoFocus aria-invalid={fieldsInvalid || undefined} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="signin-password">Password</Label>
        <Input id="signin-password" name="password" type="password" autoComplete="current-password" required aria-invalid={fieldsInvalid || undefined} />
      </div>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-400/10 dark:text-red-300">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
      {ssoName && (
        <>
          <p className="text-center text-xs text-ink-faint">or</p>
          <Button variant="secondary" className="w-full" onClick={() => void signIn('oidc', { callbackUrl })}>
            Sign in with {ssoName}
          </Button>
        </>
      )}
    </form>
  );
}
