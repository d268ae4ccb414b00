import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { versionExists } from '@/lib/db/queries/exists';
import { parseVersionNumber } from './load-version';

// Checked outside this segment's loading boundary so an unknown version answers 404 (see the board layout).
export default async function VersionLayout({ children, params }: { children: ReactNode; params: Promise<{ name: string; number: string }> }) {
  await requireUser();
  const { name, number } = await params;
  const parsed = parseVersionNumber(number);
  if (parsed === null || !(await versionExists(name, parsed))) notFound();
  return children;
}
