import { WEBHOOK_EVENTS } from '@/lib/webhooks/events';
import { Badge } from '@/components/ui/badge';

const SHOWN = 2;

/** The events a webhook is subscribed to: "all events", or the first few with a count of the rest. */
export function EventList({ events }: { events: string[] }) {
  if (WEBHOOK_EVENTS.every((e) => events.includes(e))) return <span className="whitespace-nowrap text-ink-muted">all events</span>;
  const rest = events.length - SHOWN;
  return (
    <span className="flex min-w-48 flex-wrap items-center gap-1" title={events.join(', ')}>
      {events.slice(0, SHOWN).map((event) => (
        <Badge key={event} className="font-mono">
          {event}
        </Badge>
      ))}
      {rest > 0 && <span className="text-xs text-ink-muted">+{rest} more</span>}
    </span>
  );
}
