import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { modelExists } from '@/lib/db/queries/exists';

// Checked outside this segment's loading boundary so an unknown model answers 404 (see the board layout).
export default async function CompareLayout({ children, params }: { children: ReactNode; params: Promise<{ name: string }> }) {
  await requireUser();
  if (!(await modelExists((await params).name))) notFound();
  return children;
}
