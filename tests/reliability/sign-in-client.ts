// Credentials sign-ins through next-auth's own endpoints, as the browser's form does them, from a chosen
// loopback address (127.0.0.0/8 is all this machine's), so a test can be two different clients for real.
import { request } from 'node:http';
import type { AppInstance } from './app-instance';

interface RawAnswer {
  status: number;
  setCookies: string[];
  location: string | undefined;
  text: string;
}

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookies: res.headers['set-cookie'] ?? [], location: res.headers.location, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface SignInOptions {
  /** The client's own address (default 127.0.0.1). */
  from?: string;
  /** An X-Forwarded-For header to send, as a proxy would, or as a client pretending to be one would. */
  forwardedFor?: string;
}

/** 'signed-in' (with the session cookie), or next-auth's error code, e.g. 'CredentialsSignin' or 'RATE_LIMITED'. */
export async function signInWithCookie(instance: AppInstance, email: string, password: string, options: SignInOptions = {}): Promise<{ outcome: string; cookie: string }> {
  const forwarded: Record<string, string> = options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {};
  const csrf = await send(`${instance.url}/api/auth/csrf`, { from: options.from, headers: forwarded });
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const cookie = csrf.setCookies.map((c) => c.split(';')[0]).join('; ');
  const response = await send(`${instance.url}/api/auth/callback/credentials`, {
    method: 'POST',
    from: options.from,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...forwarded },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
  });
  // With json=true (as next-auth's own client sends it) the answer is JSON with the URL to go to.
  const location = response.location ?? (JSON.parse(response.text || '{}') as { url?: string }).url ?? '';
  const error = new URL(location, instance.url).searchParams.get('error');
  if (error) return { outcome: error, cookie: '' };
  const session = response.setCookies.find((c) => c.startsWith('next-auth.session-token='));
  return session ? { outcome: 'signed-in', cookie: session.split(';')[0]! } : { outcome: `unexpected ${response.status} ${location}`, cookie: '' };
}

export async function signIn(instance: AppInstance, email: string, password: string, options: SignInOptions = {}): Promise<string> {
  return (await signInWithCookie(instance, email, password, options)).outcome;
}
