'use client';

import { useState } from 'react';
import { Plus, Webhook } from 'lucide-react';
import { useAdminWebhooks } from '@/lib/queries/use-admin-webhooks';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, Th } from '@/components/ui/table';
import { LoadFailed } from './load-failed';
import { NewWebhookDialog } from './new-webhook-dialog';
import { WebhookRow } from './webhook-row';
import { PanelHeader } from '../panel-header';

/** Webhooks: where Modelgate sends which events, how the last delivery went, and each one's delivery log. */
export function WebhooksPanel({ models }: { models: string[] }) {
  const { data: webhooks, isPending, isError, error, refetch } = useAdminWebhooks();
  const [creating, setCreating] = useState(false);
  const active = webhooks?.filter((w) => w.active).length ?? 0;

  return (
    <section aria-labelledby="webhooks-heading" className="space-y-4">
      <PanelHeader id="webhooks-heading" title="Webhooks" action={{ icon: Plus, label: 'New webhook', onClick: () => setCreating(true) }}>
        {webhooks?.length ? `${active} active. ` : ''}Modelgate POSTs a signed JSON body (for chat hooks, a Slack or Teams message) to each URL when a subscribed event happens, and retries until the receiver answers 2xx.
      </PanelHeader>
      {isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : isError ? (
        <LoadFailed what="the webhooks" error={error} onRetry={() => void refetch()} />
      ) : webhooks.length === 0 ? (
        <EmptyState icon={Webhook} title="No webhooks yet" description="Add one to tell a deployment pipeline or a chat channel when a version is promoted, approved, archived or rolled back." />
      ) : (
        <Table label="Webhooks">
          <thead>
            <tr>
              <Th>Endpoint</Th>
              <Th>Model</Th>
              <Th>Events</Th>
              <Th>Last delivery</Th>
              <Th>Added</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map((hook) => (
              <WebhookRow key={hook.id} hook={hook} columns={7} />
            ))}
          </tbody>
        </Table>
      )}
      <NewWebhookDialog open={creating} onClose={() => setCreating(false)} models={models} />
    </section>
  );
}
