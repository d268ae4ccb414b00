import { SSO_REFUSALS } from '@/lib/auth/sso';

// One message for every password failure, so the form does not reveal which accounts exist or are disabled.
export const SIGN_IN_FAILED = 'Email or password is incorrect, or the account is disabled.';
// Sent by the server (lib/auth/options.ts) when this account has failed too often from here, or this address has.
export const RATE_LIMITED = 'RATE_LIMITED';
export const RATE_LIMITED_MESSAGE = 'Too many failed sign-ins. Wait a few minutes and try again.';
const SSO_FAILED = 'Single sign-on did not complete. Try again, or ask an admin.';

/** The message for next-auth's ?error= code on the sign-in page (credentials, our SSO refusals, next-auth's own). */
export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  if (code in SSO_REFUSALS) return SSO_REFUSALS[code as keyof typeof SSO_REFUSALS];
  if (code === RATE_LIMITED) return RATE_LIMITED_MESSAGE;
  if (code === 'CredentialsSignin') return SIGN_IN_FAILED;
  return code.startsWith('OAuth') || code === 'Callback' || code === 'AccessDenied' || code === 'Configuration' ? SSO_FAILED : SIGN_IN_FAILED;
}
