import type { DeliveryStatus } from '@/lib/queries/use-admin-webhooks';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const STATUS_TONE: Record<DeliveryStatus, BadgeTone> = {
  pending: 'accent',
  sending: 'blue',
  retrying: 'amber',
  delivered: 'emerald',
  failed: 'red',
  cancelled: 'zinc',
};

const STATUS_HINT: Record<DeliveryStatus, string> = {
  pending: 'Queued; the dispatcher sends it within seconds',
  sending: 'Being sent now',
  retrying: 'The receiver did not answer 2xx; Modelgate tries again with backoff',
  delivered: 'The receiver answered 2xx',
  failed: 'Gave up after the last attempt',
  cancelled: 'The webhook was removed before this was sent',
};

/** A delivery's state as a coloured badge, with what it means on hover. */
export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} title={STATUS_HINT[status]}>
      {status}
    </Badge>
  );
}
