import type { Metadata } from 'next';
import { listModelNames } from '@/lib/db/queries/admin';
import { WebhooksPanel } from '@/components/admin/webhooks/webhooks-panel';
import { requireAdmin } from '../require-admin';

export const metadata: Metadata = { title: 'Webhooks · Admin' };

export default async function AdminWebhooksPage() {
  await requireAdmin('webhooks.manage');
  return <WebhooksPanel models={await listModelNames()} />;
}
