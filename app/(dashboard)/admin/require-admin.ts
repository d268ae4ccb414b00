import 'server-only';
import { forbidden } from 'next/navigation';
import { can, type Action } from '@/lib/registry';
import { requireUser, type CurrentUser } from '@/lib/auth/current-user';

/**
 * The signed-in user when their global role may do `action`, else the 403 page. The layout checks and
 * each page checks again: a layout is not re-rendered on every client navigation, a page is.
 */
export async function requireAdmin(action: Action): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, action)) forbidden();
  return user;
}
