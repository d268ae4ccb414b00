/**
 * Where to go after signing in. Only paths on this site are followed, so a crafted link cannot bounce a
 * freshly signed-in user to another origin. next-auth hands out absolute URLs; those count when the host
 * is ours.
 *
 * The value is parsed the way a browser parses a Location header or a link — the WHATWG URL parser, which
 * drops tabs and newlines and reads `\` as `/` — so `/\t/evil.com` or `/\/evil.com` (both `//evil.com` to
 * a browser) are recognised as another origin instead of passing a prefix check.
 */
const OURS = 'http://modelgate.invalid';

export function safeCallbackPath(raw: string | undefined, host: string | null, fallback = '/models'): string {
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw, OURS);
  } catch {
    return fallback; // Not a URL at all.
  }
  const relative = url.origin === OURS;
  const sameHost = host !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host;
  if (!relative && !sameHost) return fallback;
  // The normalised path: what the browser would request, with no way to be read as another origin.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? fallback : path;
}
