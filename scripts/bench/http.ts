// Small helpers the benchmark needs around the running app: a session cookie, timings, first-load JS.
import { gzipSync } from 'node:zlib';
import autocannon, { type Options, type Result } from 'autocannon';

export async function waitForHealth(base: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the app did not answer ${base}/api/health within ${timeoutMs} ms`);
}

/** Signs in through next-auth's credentials endpoint, as the browser form does, and returns the cookie header. */
export async function sessionCookie(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!, v.join('='));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  keep(login);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in as ${email} failed (${login.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Gzipped bytes of the JavaScript a page's HTML makes the browser fetch on first load. */
export async function firstLoadJs(base: string, path: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!))];
  let total = 0;
  for (const src of scripts) total += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return total;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Runs `fn` n times one after another; returns the sorted durations in ms. */
/**
 * Times `fn` n times, one after another; `setup` (not timed) prepares each call, e.g. the request an
 * approval decides.
 */
export async function timeEach<S = undefined>(n: number, fn: (i: number, prepared: S) => Promise<void>, setup?: (i: number) => Promise<S>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const prepared = (setup ? await setup(i) : undefined) as S;
    const t = performance.now();
    await fn(i, prepared);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

/**
 * An autocannon run with p95 too: autocannon's histogram reports p90 and p97.5, not p95, so every
 * response time is collected and the percentiles (50/95/99) are taken from them.
 */
export async function load(options: Options): Promise<Result & { p50: number; p95: number; p99: number; failures: Record<string, number> }> {
  const times: number[] = [];
  // What went wrong, by HTTP status or error code, so a row with errors says which.
  const failures: Record<string, number> = {};
  const instance = autocannon(options)
    .on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      if (status >= 300) failures[`HTTP ${status}`] = (failures[`HTTP ${status}`] ?? 0) + 1;
    })
    .on('reqError', (error) => {
      const code = (error as NodeJS.ErrnoException).code ?? error.message;
      failures[code] = (failures[code] ?? 0) + 1;
    });
  const result = await instance;
  times.sort((a, b) => a - b);
  return { ...result, p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)), p99: Math.round(percentile(times, 99)), failures };
}
