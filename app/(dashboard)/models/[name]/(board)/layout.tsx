import type { ReactNode } from 'react';
import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { loadBoard } from '@/lib/db/queries/board';
import { modelExists } from '@/lib/db/queries/exists';
import { redirectTarget } from '@/lib/db/queries/model-names';

/*
 * The status code is sent when streaming starts, and this segment's loading.tsx starts it. A layout sits
 * outside its own segment's loading boundary, so checking here lets an unknown model answer 404, not 200.
 * The check is one indexed lookup; the board itself loads inside the boundary, behind its skeleton. Its
 * queries start here, beside the check, and the page awaits the same promise (one per request).
 * A former name of a renamed model (a redirect still held) sends the browser to the current name.
 */
export default async function BoardLayout({ children, params }: { children: ReactNode; params: Promise<{ name: string }> }) {
  await requireUser();
  const name = (await params).name;
  void loadBoard(name).catch(() => {});
  if (await modelExists(name)) return children;
  const current = await redirectTarget(name);
  // Temporary (307): the redirect may be removed and the name reused, so no browser may cache it.
  if (current) redirect(`/models/${encodeURIComponent(current)}`);
  notFound();
}
