'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { cardKeys } from '@/lib/queries/keys';
import { SectionCard } from '@/components/ui/card';
import { Label } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { formatExactTime } from '@/components/ui/time-format';
import { cx } from '@/components/ui/cx';
import { cardDiff, diffStats } from './card-diff';

interface Revision {
  revision: number;
  modelCard: string;
  actor: string;
  createdAt: string;
}

async function fetchRevisions(model: string, number: number): Promise<Revision[]> {
  const response = await fetch(`/api/v1/models/${encodeURIComponent(model)}/versions/${number}/card-revisions`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  // Newest first from the API; the 100 most recent are plenty to read and compare here.
  return ((await response.json()) as { revisions: Revision[] }).revisions.reverse();
}

export function useCardRevisions(model: string, number: number) {
  return useQuery({ queryKey: cardKeys.revisions(model, number), queryFn: () => fetchRevisions(model, number) });
}

const LINE_STYLE = {
  added: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100',
  removed: 'bg-red-50 text-red-900 line-through decoration-red-400/60 dark:bg-red-950/60 dark:text-red-100',
  same: 'text-ink-muted',
} as const;
const LINE_MARK = { added: '+', removed: '−', same: ' ' } as const;

/** Every revision of the card, who saved it and when, and the line diff between any two of them. */
export function CardHistory({ model, number }: { model: string; number: number }) {
  const revisions = useCardRevisions(model, number);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);

  if (revisions.isPending) {
    return (
      <SectionCard title="Model card history">
        <Skeleton className="h-24 w-full" />
      </SectionCard>
    );
  }
  if (revisions.isError) {
    return (
      <SectionCard title="Model card history">
        <p className="text-sm text-red-700 dark:text-red-300">Could not load the card&apos;s revisions: {revisions.error.message}</p>
      </SectionCard>
    );
  }
  const list = revisions.data;
  const latest = list.at(-1)!.revision;
  const from = pair?.from ?? Math.max(1, latest - 1);
  const to = pair?.to ?? latest;
  const before = list.find((r) => r.revision === from);
  const after = list.find((r) => r.revision === to);
  const lines = before && after ? cardDiff(before.modelCard, after.modelCard) : [];
  const stats = diffStats(lines);

  return (
    <SectionCard title="Model card history" action={<span className="text-xs text-ink-muted">{list.length === 1 ? 'as registered, never edited' : `${list.length} revisions`}</span>}>
      <ol className="space-y-1 text-sm">
        {[...list].reverse().map((r) => (
          <li key={r.revision} className="flex flex-wrap gap-x-2">
            <span className="font-medium text-ink">Revision {r.revision}</span>
            <span className="text-ink-muted">
              {r.revision === 1 ? 'registered' : 'edited'} by {r.actor} · {formatExactTime(r.createdAt)}
            </span>
          </li>
        ))}
      </ol>
      {list.length > 1 && (
        <div className="mt-4 space-y-2">
          <div className="flex flex-wrap items-end gap-3">
            <div>
              <Label htmlFor="diff-from">Compare revision</Label>
              <Select id="diff-from" className="mt-1 w-32" value={from} onChange={(e) => setPair({ from: Number(e.target.value), to })}>
                {list.map((r) => (
                  <option key={r.revision} value={r.revision}>
                    {r.revision}
                  </option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor="diff-to">with</Label>
              <Select id="diff-to" className="mt-1 w-32" value={to} onChange={(e) => setPair({ from, to: Number(e.target.value) })}>
                {list.map((r) => (
                  <option key={r.revision} value={r.revision}>
                    {r.revision}
                  </option>
                ))}
              </Select>
            </div>
            <p className="pb-2 text-xs text-ink-muted" aria-live="polite">
              <span className="text-emerald-800 dark:text-emerald-300">+{stats.added}</span> <span className="text-red-800 dark:text-red-300">−{stats.removed}</span> lines
            </p>
          </div>
          <pre aria-label={`Changes from revision ${from} to ${to}`} className="max-h-96 overflow-auto rounded-md border border-line p-2 font-mono text-xs leading-5">
            {lines.map((line, i) => (
              <div key={i} className={cx('px-1 whitespace-pre-wrap', LINE_STYLE[line.kind])}>
                <span aria-hidden className="mr-2 select-none">
                  {LINE_MARK[line.kind]}
                </span>
                <span className="sr-only">{line.kind === 'same' ? '' : `${line.kind}: `}</span>
                {line.text || ' '}
              </div>
            ))}
          </pre>
        </div>
      )}
    </SectionCard>
  );
}
