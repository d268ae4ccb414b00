import type { AdminToken } from '@/lib/db/queries/admin';
import { RelativeTime } from '@/components/ui/relative-time';

const SOON_MS = 14 * 86_400_000;

/** "in 3 months", amber when under two weeks away; "never" stands out, since it is a choice to review. */
export function TokenExpiry({ token, now }: { token: AdminToken; now: number }) {
  if (!token.expiresAt) {
    return <span className={token.status === 'active' ? 'font-medium text-amber-800 dark:text-amber-300' : undefined}>never</span>;
  }
  const soon = token.status === 'active' && new Date(token.expiresAt).getTime() - now < SOON_MS;
  return <RelativeTime iso={token.expiresAt} className={soon ? 'font-medium text-amber-800 dark:text-amber-300' : undefined} />;
}
