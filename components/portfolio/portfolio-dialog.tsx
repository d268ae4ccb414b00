'use client';

import { useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery } from '@tanstack/react-query';
import { toast } from 'sonner';
import { Download } from 'lucide-react';
import { PORTFOLIO_ACTION_LABELS, type PortfolioItemResult } from '@/lib/registry/portfolio';
import type { PortfolioSelection } from '@/lib/validations/portfolio';
import { portfolioKeys } from '@/lib/queries/keys';
import { ApiError } from '@/lib/queries/api-error';
import { errorTitle, toastError } from '@/lib/queries/error-toast';
import { applyPortfolio, portfolioProgress, portfolioResultUrl, previewPortfolio, type PortfolioActionInput, type PortfolioOperationAnswer } from '@/lib/queries/portfolio';
import { Button, buttonClasses } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Skeleton } from '@/components/ui/skeleton';
import { PortfolioItemList } from './portfolio-item-list';

interface PortfolioDialogProps {
  selection: PortfolioSelection;
  count: number;
  action: PortfolioActionInput;
  onClose: () => void;
  onApplied: () => void;
}

/**
 * Preview → confirm → progress → result. The preview is the server running each item's own service and
 * rolling it back; confirming sends what the preview showed, so anything that changed since is refused
 * rather than applied blindly.
 */
export function PortfolioDialog({ selection, count, action, onClose, onApplied }: PortfolioDialogProps) {
  const router = useRouter();
  const body = useMemo(() => JSON.stringify({ selection, action }), [selection, action]);
  const preview = useQuery({ queryKey: portfolioKeys.preview(body), queryFn: () => previewPortfolio(selection, action), staleTime: 0, gcTime: 0, retry: false });
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const apply = useMutation({
    mutationFn: () => applyPortfolio(selection, action, preview.data!, idempotencyKey),
    onSuccess: (op) => {
      const { changed, refused } = op.counts;
      toast.success(`${PORTFOLIO_ACTION_LABELS[action.type]}: ${changed} changed`, { description: refused ? `${refused} refused — see the result for why.` : 'Nothing was refused.' });
      onApplied();
      router.refresh();
    },
    onError: toastError,
  });
  const progress = useQuery({
    queryKey: portfolioKeys.progress(idempotencyKey),
    queryFn: ({ signal }) => portfolioProgress(idempotencyKey, signal),
    enabled: apply.isPending,
    refetchInterval: 400,
  });

  const noun = selection.versions ? 'version' : 'model';
  const title = `${PORTFOLIO_ACTION_LABELS[action.type]} — ${count} ${noun}${count === 1 ? '' : 's'} selected`;
  const done = apply.data;
  return (
    <Dialog open onClose={onClose} title={title} description={describeAction(action, Boolean(selection.versions))} className="w-[min(48rem,calc(100vw-2rem))]">
      {done ? (
        <Result operation={done} onClose={onClose} />
      ) : apply.isPending ? (
        <Progress done={progress.data ? progress.data.total - progress.data.counts.pending : 0} total={progress.data?.total ?? preview.data?.total ?? 0} />
      ) : preview.isPending ? (
        <div aria-busy="true" aria-label="Loading the preview" className="space-y-2">
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-16 w-full" />
        </div>
      ) : preview.isError ? (
        <div role="alert" className="space-y-3">
          <p className="text-sm font-medium text-red-700 dark:text-red-300">{errorTitle(preview.error)}</p>
          <p className="text-sm text-ink-muted">{preview.error instanceof ApiError ? preview.error.message : 'The preview could not be made.'}</p>
          <div className="flex justify-end">
            <Button onClick={onClose}>Close</Button>
          </div>
        </div>
      ) : (
        <div className="space-y-4">
          <Summary counts={preview.data.counts} preview />
          <PortfolioItemList items={preview.data.items} preview />
          <div className="flex flex-wrap justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" disabled={preview.data.counts.changed === 0} onClick={() => apply.mutate()}>
              Apply to {preview.data.counts.changed} {preview.data.counts.changed === 1 ? 'item' : 'items'}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

function describeAction(action: PortfolioActionInput, versions: boolean): string {
  switch (action.type) {
    case 'add-tag':
      return `Tag each with ${action.key}${action.value ? `=${action.value}` : ''}.`;
    case 'remove-tag':
      return `Remove the tag ${action.key} from each.`;
    case 'archive':
      if (versions) return `Archive the selected versions, with the reason “${action.comment}”. A version in Production is never archived by a move.`;
      return `Archive the selected models' Testing and Staging versions, with the reason “${action.comment}”. Production is never archived by a move.`;
    case 'apply-policy':
      return 'fromModel' in action && action.fromModel ? `Copy the promotion policy of ${action.fromModel} to each.` : 'Save this promotion policy on each.';
    case 'change-owner':
      return `Hand each to ${action.owner}.`;
  }
}

function Summary({ counts, preview }: { counts: { changed: number; unchanged: number; refused: number }; preview?: boolean }) {
  return (
    <p className="text-sm text-ink">
      <strong className="tabular-nums">{counts.changed}</strong> {preview ? 'will change' : 'changed'} · <strong className="tabular-nums">{counts.refused}</strong> {preview ? 'will be refused' : 'refused'} ·{' '}
      <strong className="tabular-nums">{counts.unchanged}</strong> unchanged
    </p>
  );
}

function Progress({ done, total }: { done: number; total: number }) {
  return (
    <div className="space-y-2" aria-live="polite">
      <p className="text-sm text-ink">
        Applying… <span className="tabular-nums">{done}</span> of <span className="tabular-nums">{total}</span>
      </p>
      <progress className="h-2 w-full accent-accent" max={Math.max(total, 1)} value={done} aria-label="Bulk action progress" />
      <p className="text-xs text-ink-muted">Each item is changed in its own transaction with its audit event; you may keep this open until it finishes.</p>
    </div>
  );
}

function Result({ operation, onClose }: { operation: PortfolioOperationAnswer; onClose: () => void }) {
  const refused: PortfolioItemResult[] = operation.items.filter((i) => i.outcome === 'refused');
  return (
    <div className="space-y-4">
      <div role="status">
        <p className="text-sm font-medium text-ink">Done.</p>
        <Summary counts={operation.counts} />
      </div>
      {refused.length > 0 && <PortfolioItemList items={refused} />}
      <div className="flex flex-wrap items-center justify-end gap-2">
        <a className={buttonClasses()} href={portfolioResultUrl(operation.id, 'csv')} download>
          <Download aria-hidden className="size-4" />
          Download CSV
        </a>
        <a className={buttonClasses()} href={portfolioResultUrl(operation.id, 'json')} download>
          <Download aria-hidden className="size-4" />
          Download JSON
        </a>
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </div>
    </div>
  );
}
