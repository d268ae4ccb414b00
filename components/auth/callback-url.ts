/**
 * Where to go after signing in. Only paths on this site are followed, so a crafted link cannot bounce a
 * freshly signed-in user to another origin. next-auth hands out absolute URLs; those count when the host
 * is ours.
 */
export function safeCallbackPath(raw: string | undefined, host: string | null, fallback = '/models'): string {
  if (!raw) return fallback;
  if (raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\')) return raw;
  try {
    const url = new URL(raw);
    if (host && url.host === host) return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    // Not a URL at all: fall through to the default.
  }
  return fallback;
}
