'use client';

import { useId, useState } from 'react';
import { ChevronDown } from 'lucide-react';
import type { AdminWebhook } from '@/lib/queries/use-admin-webhooks';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { RelativeTime } from '@/components/ui/relative-time';
import { Td } from '@/components/ui/table';
import { DeliveryLog } from './delivery-log';
import { DeliveryStatusBadge } from './delivery-status-badge';
import { EventList } from './event-list';
import { RemoveWebhookButton } from './remove-webhook-button';

/** One webhook, and below it, when opened, its delivery log across the whole table width. */
export function WebhookRow({ hook, columns }: { hook: AdminWebhook; columns: number }) {
  const [open, setOpen] = useState(false);
  const logId = useId();
  const last = hook.lastDelivery;

  return (
    <>
      <tr data-testid="webhook-row" className={hook.active ? undefined : 'text-ink-muted'}>
        <Td className="max-w-xs min-w-56 font-mono text-xs break-all">
          {hook.url}
          {hook.format === 'chat' && (
            <Badge tone="accent" className="ml-2 font-sans">
              chat
            </Badge>
          )}
        </Td>
        <Td className="whitespace-nowrap">{hook.model ? <span className="font-mono text-xs">{hook.model}</span> : <span className="text-ink-muted">all models</span>}</Td>
        <Td>
          <EventList events={hook.events} />
        </Td>
        <Td className="whitespace-nowrap">
          {last ? (
            <span className="flex items-center gap-1.5">
              <DeliveryStatusBadge status={last.status} />
              {last.lastStatusCode !== null && <span className="font-mono text-xs">{last.lastStatusCode}</span>}
              <RelativeTime iso={last.createdAt} className="text-xs text-ink-muted" />
            </span>
          ) : (
            <span className="text-ink-faint">none yet</span>
          )}
        </Td>
        <Td className="text-xs whitespace-nowrap text-ink-muted">
          <RelativeTime iso={hook.createdAt} />
        </Td>
        <Td>
          <Badge tone={hook.active ? 'emerald' : 'zinc'}>{hook.active ? 'active' : 'removed'}</Badge>
        </Td>
        <Td className="text-right whitespace-nowrap">
          <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={open ? logId : undefined} aria-label={`Deliveries to ${hook.url}`} onClick={() => setOpen((o) => !o)}>
            Deliveries
            <ChevronDown aria-hidden className={cx('size-3.5 transition-transform', open && 'rotate-180')} />
          </Button>
          {hook.active && <RemoveWebhookButton hook={hook} />}
        </Td>
      </tr>
      {open && (
        <tr id={logId}>
          <Td colSpan={columns} className="bg-surface-muted/40 py-3">
            <DeliveryLog hook={hook} />
          </Td>
        </tr>
      )}
    </>
  );
}
