import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ChevronLeft } from 'lucide-react';
import { can } from '@/lib/registry';
import { requireUser } from '@/lib/auth/current-user';
import { modelExists } from '@/lib/db/queries/exists';
import { listProductionPeriods } from '@/lib/db/queries/production-history';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTimeline } from '@/components/audit/audit-timeline';
import { ExportPanel } from '@/components/audit/export-panel';
import { ModelExportButton } from '@/components/audit/model-export-button';
import { ProductionAtLookup } from '@/components/audit/production-at-lookup';
import { ProductionStrip } from '@/components/audit/production-strip';

interface HistoryPageProps {
  params: Promise<{ name: string }>;
}

export async function generateMetadata({ params }: HistoryPageProps): Promise<Metadata> {
  return { title: `${(await params).name} · history` };
}

export default async function HistoryPage({ params }: HistoryPageProps) {
  const { name } = await params;
  const user = await requireUser();
  if (!(await modelExists(name))) notFound();
  const periods = await listProductionPeriods(name);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <Link href={`/models/${encodeURIComponent(name)}`} className="inline-flex items-center gap-1 text-sm text-ink-muted hover:text-ink">
          <ChevronLeft aria-hidden className="size-4" /> {name}
        </Link>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h1 className="text-2xl font-semibold tracking-tight">History of {name}</h1>
          <ModelExportButton model={name} />
        </div>
        <p className="text-sm text-ink-muted">
          Export gives the model, its versions, which version served Production when, and every event with its hash chain — a clear history of what has been deployed.
        </p>
        <div className="flex flex-wrap justify-end gap-4">
          {can(user.role, 'audit.export') && (
            <Suspense>
              <ExportPanel fixedModel={name} />
            </Suspense>
          )}
        </div>
      </header>
      <section aria-label="Production timeline" className="rounded-lg border border-line bg-surface p-4">
        <h2 className="mb-3 text-sm font-semibold">Production over time</h2>
        <ProductionStrip model={name} periods={periods} />
      </section>
      <section aria-label="What was in Production" className="rounded-lg border border-line bg-surface p-4">
        <h2 className="mb-3 text-sm font-semibold">What was in Production at…</h2>
        <ProductionAtLookup model={name} />
      </section>
      <section aria-label="Events" className="space-y-3">
        <h2 className="text-sm font-semibold">Events</h2>
        <Suspense>
          <AuditFilters fixedModel={name} models={[]} />
          <AuditTimeline fixedModel={name} />
        </Suspense>
      </section>
    </div>
  );
}
