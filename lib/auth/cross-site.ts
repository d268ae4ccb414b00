/**
 * Whether a request was made by a browser on behalf of another site's page. Credentials a browser
 * attaches by itself — the session cookie, and HTTP Basic credentials it has cached for this origin —
 * must never act for such a request (CSRF). Programs (MLflow clients, curl, pipelines) send neither
 * header, so they are never refused here.
 *
 * Two signals, either suffices: `Sec-Fetch-Site` (every current browser sends it on every request,
 * GETs and navigations included) other than same-origin or "none" (typed by the user), and an `Origin`
 * whose host is not this server's (browsers send it on every cross-origin POST).
 */
export function isCrossSiteBrowserRequest(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site')?.toLowerCase();
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = headers.get('origin');
  if (!origin) return false;
  // Behind a reverse proxy the public host is in X-Forwarded-Host (Next.js forwards it, as the NextAuth setup does).
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed frames, file: pages) or garbage: not our page.
  }
}
