import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { modelExists } from '@/lib/db/queries/exists';

/*
 * The status code is sent when streaming starts, and this segment's loading.tsx starts it. A layout sits
 * outside its own segment's loading boundary, so checking here lets an unknown model answer 404, not 200.
 * The check is one indexed lookup; the board itself loads inside the boundary, behind its skeleton.
 */
export default async function BoardLayout({ children, params }: { children: ReactNode; params: Promise<{ name: string }> }) {
  await requireUser();
  if (!(await modelExists((await params).name))) notFound();
  return children;
}
