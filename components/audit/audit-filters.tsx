'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import type { FormEvent } from 'react';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS } from '@/lib/registry';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/input';
import { Select } from '@/components/ui/select';

const FIELDS = ['model', 'actor', 'action', 'from', 'to'] as const;

/** Filters live in the URL, so a filtered timeline can be bookmarked and shared. */
export function AuditFilters({ fixedModel, models }: { fixedModel?: string; models: string[] }) {
  const router = useRouter();
  const params = useSearchParams();

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const field of FIELDS) {
      const value = String(form.get(field) ?? '').trim();
      if (!value) continue;
      // datetime-local gives local wall time; the API wants an instant.
      next.set(field, field === 'from' || field === 'to' ? new Date(value).toISOString() : value);
    }
    router.replace(`?${next}`);
  }

  const local = (iso: string | null) => (iso ? toLocalInput(iso) : '');
  return (
    <form onSubmit={apply} aria-label="Filter events" className="grid gap-3 rounded-lg border border-line bg-surface p-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      {!fixedModel && (
        <div>
          <Label htmlFor="filter-model">Model</Label>
          <Select id="filter-model" name="model" defaultValue={params.get('model') ?? ''} className="mt-1">
            <option value="">All models</option>
            {models.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </Select>
        </div>
      )}
      <div>
        <Label htmlFor="filter-actor">Actor</Label>
        <Input id="filter-actor" name="actor" placeholder="email" defaultValue={params.get('actor') ?? ''} className="mt-1" />
      </div>
      <div>
        <Label htmlFor="filter-action">Action</Label>
        <Select id="filter-action" name="action" defaultValue={params.get('action') ?? ''} className="mt-1">
          <option value="">All actions</option>
          {AUDIT_ACTION_NAMES.map((a) => (
            <option key={a} value={a} title={AUDIT_ACTIONS[a]}>
              {a}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="filter-from">From</Label>
        <Input id="filter-from" name="from" type="datetime-local" defaultValue={local(params.get('from'))} className="mt-1" />
      </div>
      <div>
        <Label htmlFor="filter-to">To</Label>
        <Input id="filter-to" name="to" type="datetime-local" defaultValue={local(params.get('to'))} className="mt-1" />
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          Apply
        </Button>
        <Button variant="ghost" onClick={() => router.replace('?')}>
          Clear
        </Button>
      </div>
    </form>
  );
}

function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}
