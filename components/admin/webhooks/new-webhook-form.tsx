'use client';

import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS, type WebhookEvent, type WebhookFormat } from '@/lib/webhooks/events';
import type { NewWebhookInput } from '@/lib/queries/use-admin-webhooks';
import { Field, invalidProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { EventCheckboxes } from './event-checkboxes';
import { ModelScopeSelect } from '../model-scope-select';
import { FormActions } from '@/components/ui/form-actions';
import { fieldErrors } from '@/lib/validations/field-errors';

// The server's ZCreateWebhookInput sits beside its service (server-only); these are its rules, for inline errors.
const ZNewWebhook = z.object({
  url: z.url({ protocol: /^https?$/, error: 'Enter an http or https URL, e.g. https://ci.example.com/hooks/modelgate.' }).max(2000, 'At most 2000 characters.'),
  model: z.string().optional(),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'Choose at least one event.'),
  format: z.enum(WEBHOOK_FORMATS),
});

const FORMAT_HINTS: Record<WebhookFormat, string> = {
  modelgate: 'The full event as JSON, signed with X-Modelgate-Signature: for CI and your own receivers.',
  chat: 'A one-line message as { "text": … }: paste a Slack or Microsoft Teams incoming-webhook URL.',
};

type Errors = Partial<Record<'url' | 'events', string>>;

interface NewWebhookFormProps {
  models: string[];
  pending: boolean;
  onCancel: () => void;
  onSubmit: (input: NewWebhookInput) => void;
}

export function NewWebhookForm({ models, pending, onCancel, onSubmit }: NewWebhookFormProps) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [model, setModel] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const [format, setFormat] = useState<WebhookFormat>('modelgate');
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZNewWebhook.safeParse({ url: url.trim(), model: model || undefined, events, format });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, ['url', 'events'] as const));
      return;
    }
    setErrors({});
    onSubmit(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field id={`${id}-url`} label="URL" hint="Where your receiver listens. Use https unless it is on your own network." error={errors.url}>
        <Input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://ci.example.com/hooks/modelgate"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          {...invalidProps(`${id}-url`, errors.url)}
        />
      </Field>
      <Field id={`${id}-format`} label="Kind" hint={FORMAT_HINTS[format]}>
        <Select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as WebhookFormat)}>
          <option value="modelgate">Modelgate JSON (signed)</option>
          <option value="chat">Chat message (Slack, Teams)</option>
        </Select>
      </Field>
      <Field id={`${id}-model`} label="Model">
        <ModelScopeSelect id={`${id}-model`} value={model} onChange={setModel} models={models} />
      </Field>
      <EventCheckboxes id={`${id}-events`} value={events} onChange={setEvents} error={errors.events} />
      <FormActions onCancel={onCancel} disabled={pending}>
        {pending ? 'Adding…' : 'Add webhook'}
      </FormActions>
    </form>
  );
}
