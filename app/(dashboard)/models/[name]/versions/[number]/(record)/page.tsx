import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { listVersionActivity } from '@/lib/db/queries/version-activity';
import { Discussion } from '@/components/discussion/discussion';
import { VersionActivity } from '@/components/discussion/version-activity';
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
  const [user, detail] = await Promise.all([requireUser(), loadVersion(name, number)]);
  if (!detail) notFound();
  const activity = await listVersionActivity(detail.version.id);
  return (
    <div className="space-y-8">
      <VersionRecord detail={detail} />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <Discussion model={detail.version.model.name} number={detail.version.number} viewer={{ id: user.id, role: user.role, grants: user.grants }} />
        </div>
        <div className="min-w-0">
          <VersionActivity model={detail.version.model.name} number={detail.version.number} events={activity} />
        </div>
      </div>
    </div>
  );
}
