'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ProductionAt } from '@/lib/db/queries/production-history';
import { getJson } from '@/lib/queries/api-error';
import { auditKeys } from '@/lib/queries/keys';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/input';
import { formatExactTime } from '@/components/ui/time-format';

/** "Which version was in Production at time T, who put it there, and what replaced it?" */
export function ProductionAtLookup({ model }: { model: string }) {
  const [at, setAt] = useState<string | null>(null);
  const query = useQuery({
    queryKey: auditKeys.productionAt(model, at ?? ''),
    queryFn: ({ signal }) => getJson<ProductionAt>(`/api/models/${encodeURIComponent(model)}/production-at?t=${encodeURIComponent(at!)}`, signal),
    enabled: at !== null,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('at') ?? '');
    if (value) setAt(new Date(value).toISOString());
  }

  const answer = query.data;
  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="What was in Production">
        <div>
          <Label htmlFor="production-at">Date and time</Label>
          <Input id="production-at" name="at" type="datetime-local" step={1} required className="mt-1 w-60" />
        </div>
        <Button type="submit" variant="primary">
          Look up
        </Button>
      </form>
      <div aria-live="polite" data-testid="production-at-answer" className="text-sm">
        {query.isFetching && <p className="text-ink-muted">Looking it up…</p>}
        {query.isError && <p className="text-red-700 dark:text-red-400">{query.error.message}</p>}
        {answer && !query.isFetching && (
          answer.period ? (
            <p className="text-ink">
              At {formatExactTime(answer.at)},{' '}
              <Link href={`/models/${encodeURIComponent(model)}/versions/${answer.period.version.number}`} className="font-semibold text-accent-text hover:underline">
                v{answer.period.version.number} ({answer.period.version.semver})
              </Link>{' '}
              was in Production, put there by <span className="font-medium">{answer.period.startedBy}</span> on {formatExactTime(answer.period.startedAt)}.{' '}
              {answer.next ? (
                <>
                  It was replaced by v{answer.next.version.number} on {formatExactTime(answer.next.startedAt)}
                  {answer.period.endedReason ? ` (${answer.period.endedReason})` : ''}.
                </>
              ) : (
                'It is still in Production.'
              )}
            </p>
          ) : (
            <p className="text-ink">At {formatExactTime(answer.at)}, no version of {model} was in Production.</p>
          )
        )}
      </div>
    </div>
  );
}
