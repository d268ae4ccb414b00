import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { requireAdmin } from './require-admin';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin('users.manage');
  return (
    <div className="space-y-6">
      <header className="space-y-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
          <p className="mt-1 text-sm text-ink-muted">People, API tokens and promotion policies. Every change here lands in the audit log.</p>
        </div>
        <AdminNav />
      </header>
      {children}
    </div>
  );
}
