'use client';

import { RefreshCw } from 'lucide-react';
import { useWebhookDeliveries, type AdminWebhook, type WebhookDelivery } from '@/lib/queries/use-admin-webhooks';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { cx } from '@/components/ui/cx';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, Td, Th } from '@/components/ui/table';
import { DeliveryStatusBadge } from './delivery-status-badge';
import { LoadFailed } from './load-failed';

/** A webhook's newest deliveries: what was sent, how the receiver answered, and what happens next. */
export function DeliveryLog({ hook }: { hook: AdminWebhook }) {
  const { data: deliveries, isPending, isError, error, isFetching, refetch } = useWebhookDeliveries(hook.id);
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm font-medium text-ink">
          Delivery log <span className="font-normal text-ink-muted">· newest 100, retries keep their delivery ID</span>
        </p>
        <Button size="sm" variant="ghost" aria-label={`Refresh deliveries to ${hook.url}`} title="Refresh" disabled={isFetching} onClick={() => void refetch()}>
          <RefreshCw aria-hidden className={cx('size-3.5', isFetching && 'animate-spin')} />
        </Button>
      </div>
      {isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : isError ? (
        <LoadFailed what="the delivery log" error={error} onRetry={() => void refetch()} />
      ) : deliveries.length === 0 ? (
        <p className="rounded-md border border-dashed border-line-strong px-3 py-4 text-center text-sm text-ink-muted">
          Nothing sent yet. A delivery appears here as soon as a subscribed event happens.
        </p>
      ) : (
        <Table label={`Deliveries to ${hook.url}`}>
          <thead>
            <tr>
              <Th>Event</Th>
              <Th>Status</Th>
              <Th>Response</Th>
              <Th>Attempts</Th>
              <Th>Queued</Th>
              <Th>Delivered</Th>
              <Th>Delivery ID</Th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <DeliveryRow key={delivery.deliveryId} delivery={delivery} />
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

function DeliveryRow({ delivery }: { delivery: WebhookDelivery }) {
  const short = delivery.deliveryId.slice(0, 8);
  return (
    <tr data-testid="delivery-row">
      <Td className="font-mono text-xs whitespace-nowrap">{delivery.eventType}</Td>
      <Td>
        <DeliveryStatusBadge status={delivery.status} />
      </Td>
      <Td className="text-xs">
        {delivery.lastStatusCode !== null && <span className="font-mono">HTTP {delivery.lastStatusCode}</span>}
        {delivery.lastError && delivery.lastError !== `HTTP ${delivery.lastStatusCode}` && (
          <span className="block max-w-56 truncate text-red-700 dark:text-red-300" title={delivery.lastError}>
            {delivery.lastError}
          </span>
        )}
        {delivery.lastStatusCode === null && !delivery.lastError && <span className="text-ink-faint">—</span>}
      </Td>
      <Td className="text-xs tabular-nums">{delivery.attempts}</Td>
      <Td className="text-xs whitespace-nowrap text-ink-muted">
        <RelativeTime iso={delivery.createdAt} />
      </Td>
      <Td className="text-xs whitespace-nowrap text-ink-muted">
        <DeliveredOrNext delivery={delivery} />
      </Td>
      <Td className="whitespace-nowrap">
        <span className="flex items-center gap-0.5">
          <code className="font-mono text-xs text-ink-muted" title={delivery.deliveryId}>
            {short}…
          </code>
          <CopyButton value={delivery.deliveryId} label={`Copy delivery ID ${short}`} />
        </span>
      </Td>
    </tr>
  );
}

function DeliveredOrNext({ delivery }: { delivery: WebhookDelivery }) {
  if (delivery.deliveredAt) return <RelativeTime iso={delivery.deliveredAt} />;
  if (delivery.status === 'retrying')
    return (
      <span>
        retry due <RelativeTime iso={delivery.nextAttemptAt} />
      </span>
    );
  return <span className="text-ink-faint">—</span>;
}
