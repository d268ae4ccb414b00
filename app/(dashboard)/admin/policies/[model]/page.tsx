import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChevronLeft } from 'lucide-react';
import { getPolicy } from '@/lib/db/queries/admin';
import { PolicyEditor } from '@/components/admin/policies/policy-editor';
import { RelativeTime } from '@/components/ui/relative-time';
import { requireAdmin } from '../../require-admin';

interface PolicyPageProps {
  params: Promise<{ model: string }>;
}

export async function generateMetadata({ params }: PolicyPageProps): Promise<Metadata> {
  return { title: `${(await params).model} policy · Admin` };
}

export default async function AdminPolicyPage({ params }: PolicyPageProps) {
  await requireAdmin('policies.manage');
  const model = (await params).model;
  const policy = await getPolicy(model);
  if (!policy) notFound();

  return (
    <section aria-labelledby="policy-heading" className="space-y-4">
      <Link href="/admin/policies" className="inline-flex items-center gap-1 rounded-md text-sm text-ink-muted hover:text-ink">
        <ChevronLeft aria-hidden className="size-4" /> All policies
      </Link>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="policy-heading" className="text-lg font-semibold">
          Policy for{' '}
          <Link href={`/models/${encodeURIComponent(policy.model)}`} className="font-mono text-accent-text hover:underline">
            {policy.model}
          </Link>
        </h2>
        <p className="text-xs text-ink-muted">
          {policy.isDefault ? 'Uses the default policy until saved.' : policy.updatedAt ? <>Last changed <RelativeTime iso={policy.updatedAt} /></> : null}
        </p>
      </div>
      <PolicyEditor model={policy.model} saved={policy.policy} isDefault={policy.isDefault} savedAt={policy.updatedAt} />
    </section>
  );
}
