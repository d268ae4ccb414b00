import type { ReactNode } from 'react';
import { notFound, redirect } from 'next/navigation';
import { requireUser, sessionUserId } from '@/lib/auth/current-user';
import { boardModelExists, loadBoard } from '@/lib/db/queries/board';
import { redirectTarget } from '@/lib/db/queries/model-names';

/*
 * The status code is sent when streaming starts, and this segment's loading.tsx starts it. A layout sits
 * outside its own segment's loading boundary, so checking here lets an unknown model answer 404, not 200.
 * The check is the board's own header statement (no separate lookup); the cards' statement starts beside
 * it, and the page, inside the boundary behind its skeleton, awaits the same promises (one per request).
 * A former name of a renamed model (a redirect still held) sends the browser to the current name.
 */
export default async function BoardLayout({ children, params }: { children: ReactNode; params: Promise<{ name: string }> }) {
  const name = (await params).name;
  // Once the session cookie names someone (no database read yet), the board's statements go out beside the
  // re-read of that person, so the two round trips overlap; nothing is shown before requireUser has passed.
  if (await sessionUserId()) void loadBoard(name).catch(() => {});
  await requireUser();
  if (await boardModelExists(name)) return children;
  const current = await redirectTarget(name);
  // Temporary (307): the redirect may be removed and the name reused, so no browser may cache it.
  if (current) redirect(`/models/${encodeURIComponent(current)}`);
  notFound();
}
