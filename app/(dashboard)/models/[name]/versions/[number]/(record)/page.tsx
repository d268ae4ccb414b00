import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { roleOn } from '@/lib/registry';
import { requireUser } from '@/lib/auth/current-user';
import { VersionRecord } from '@/components/version/version-record';
import { loadVersion } from './load-version';

interface VersionPageProps {
  params: Promise<{ name: string; number: string }>;
}

export async function generateMetadata({ params }: VersionPageProps): Promise<Metadata> {
  const { name, number } = await params;
  return { title: `${name} v${number}` };
}

export default async function VersionPage({ params }: VersionPageProps) {
  const { name, number } = await params;
  const [detail, user] = await Promise.all([loadVersion(name, number), requireUser()]);
  if (!detail) notFound();
  return <VersionRecord detail={detail} role={roleOn(user, name)} />;
}
