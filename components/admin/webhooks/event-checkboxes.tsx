'use client';

import { WEBHOOK_EVENTS, type WebhookEvent } from '@/lib/webhooks/events';
import { Button } from '@/components/ui/button';
import { fieldErrorId } from '@/components/ui/field';

interface EventCheckboxesProps {
  id: string;
  value: WebhookEvent[];
  onChange: (events: WebhookEvent[]) => void;
  error?: string;
}

/** One checkbox per event a webhook can subscribe to, kept in WEBHOOK_EVENTS order, with all/none shortcuts. */
export function EventCheckboxes({ id, value, onChange, error }: EventCheckboxesProps) {
  const toggle = (event: WebhookEvent, on: boolean) => onChange(WEBHOOK_EVENTS.filter((e) => (e === event ? on : value.includes(e))));
  return (
    <fieldset className="space-y-1" aria-describedby={error ? fieldErrorId(id) : undefined}>
      <legend className="text-sm font-medium text-ink">Events</legend>
      <div className="flex items-center justify-between gap-3 text-xs text-ink-muted">
        <span aria-live="polite">
          {value.length} of {WEBHOOK_EVENTS.length} chosen
        </span>
        <span className="flex gap-1">
          <Button size="sm" variant="ghost" className="h-6 px-1.5" onClick={() => onChange([...WEBHOOK_EVENTS])}>
            Select all
          </Button>
          <Button size="sm" variant="ghost" className="h-6 px-1.5" onClick={() => onChange([])}>
            Clear
          </Button>
        </span>
      </div>
      <div className="mt-1.5 grid gap-x-4 gap-y-1.5 rounded-md border border-line p-3 sm:grid-cols-2">
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={value.includes(event)} onChange={(e) => toggle(event, e.target.checked)} className="accent-accent" />
            <span className="font-mono text-xs">{event}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={fieldErrorId(id)} className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </fieldset>
  );
}
