import type { Metadata } from 'next';
import { Suspense } from 'react';
import { can } from '@/lib/registry';
import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/prisma';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTimeline } from '@/components/audit/audit-timeline';
import { ExportPanel } from '@/components/audit/export-panel';

export const metadata: Metadata = { title: 'Audit' };

export default async function AuditPage() {
  const user = await requireUser();
  const models = (await db.registeredModel.findMany({ orderBy: { name: 'asc' }, select: { name: true } })).map((m) => m.name);
  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit</h1>
          <p className="mt-1 text-sm text-ink-muted">Every action in Modelgate, newest first. Events cannot be edited; each is chained to the one before it by hash.</p>
        </div>
        {can(user.role, 'audit.export') && (
          <Suspense>
            <ExportPanel />
          </Suspense>
        )}
      </header>
      <Suspense>
        <AuditFilters models={models} />
        <AuditTimeline />
      </Suspense>
    </div>
  );
}
