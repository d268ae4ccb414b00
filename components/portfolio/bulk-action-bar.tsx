'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Layers } from 'lucide-react';
import { PORTFOLIO_ACTION_LABELS, type PortfolioActionType } from '@/lib/registry/portfolio';
import type { PortfolioActionInput } from '@/lib/queries/portfolio';
import type { PortfolioSelection } from '@/lib/validations/portfolio';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { PortfolioDialog } from './portfolio-dialog';
import { usePortfolioSelection } from './portfolio-selection';
import { selectedCount, selectionBody } from './selection';

/**
 * The bar above the model list: tick the page or every match of the search, pick a bulk action and its
 * input, then preview it. Nothing changes before the dialog's confirm.
 */
export function BulkActionBar({ actions }: { actions: PortfolioActionType[] }) {
  const state = usePortfolioSelection();
  const pageBox = useRef<HTMLInputElement>(null);
  const pageCount = state ? state.pageNames.filter((n) => state.allMatching || state.names.has(n)).length : 0;
  useEffect(() => {
    if (pageBox.current && state) pageBox.current.indeterminate = pageCount > 0 && pageCount < state.pageNames.length;
  }, [pageCount, state]);
  if (!state) return null;

  const count = selectedCount(state);
  const wholePage = pageCount === state.pageNames.length && state.pageNames.length > 0;

  return (
    <section aria-label="Bulk actions" className="flex flex-col gap-3 rounded-lg border border-line bg-surface px-4 py-3 shadow-xs sm:px-5 lg:flex-row lg:items-end lg:justify-between">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <label className="flex items-center gap-2">
          <input ref={pageBox} type="checkbox" className="size-4 accent-accent" checked={wholePage} onChange={(e) => state.setPage(e.target.checked)} />
          Select this page
        </label>
        <span aria-live="polite" className="font-medium text-ink tabular-nums">
          {count} selected
        </span>
        {wholePage && state.query && !state.allMatching && state.total > state.pageNames.length && (
          <Button size="sm" variant="ghost" onClick={state.selectAllMatching}>
            Select all {state.total} matching “{state.query}”
          </Button>
        )}
        {state.allMatching && <span className="text-ink-muted">All {state.total} models matching “{state.query}”</span>}
        {count > 0 && (
          <Button size="sm" variant="ghost" onClick={state.clear}>
            Clear
          </Button>
        )}
      </div>
      <BulkActionForm actions={actions} count={count} selection={() => selectionBody(state)} onApplied={state.clear} />
    </section>
  );
}

/**
 * The action picker, its input and Preview, and the preview → confirm → progress → result dialog: shared by
 * the models page (models) and a model's board (versions), so both run the same flow against the same API.
 */
export function BulkActionForm({ actions, count, selection, onApplied }: { actions: PortfolioActionType[]; count: number; selection: () => PortfolioSelection; onApplied: () => void }) {
  const id = useId();
  const [type, setType] = useState<PortfolioActionType>(actions[0] ?? 'add-tag');
  const [text, setText] = useState({ key: '', value: '', comment: '', fromModel: '', owner: '' });
  // What the dialog acts on is fixed when it opens: the selection is cleared once it is applied.
  const [open, setOpen] = useState<{ action: PortfolioActionInput; selection: PortfolioSelection; count: number } | null>(null);
  const action = actionFrom(type, text);
  const set = (field: keyof typeof text) => (e: React.ChangeEvent<HTMLInputElement>) => setText((t) => ({ ...t, [field]: e.target.value }));
  return (
    <>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (action && count > 0) setOpen({ action, selection: selection(), count });
        }}
      >
        <div className="space-y-1">
          <label htmlFor={`${id}-type`} className="block text-xs font-medium text-ink-muted">
            Bulk action
          </label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as PortfolioActionType)} className="h-9 rounded-md border border-line-strong bg-surface px-2 text-sm text-ink">
            {actions.map((a) => (
              <option key={a} value={a}>
                {PORTFOLIO_ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </div>
        {(type === 'add-tag' || type === 'remove-tag') && <TextField id={`${id}-key`} label="Tag key" value={text.key} onChange={set('key')} placeholder="team" />}
        {type === 'add-tag' && <TextField id={`${id}-value`} label="Value (optional)" value={text.value} onChange={set('value')} placeholder="risk" />}
        {type === 'archive' && <TextField id={`${id}-comment`} label="Reason" value={text.comment} onChange={set('comment')} placeholder="Retired in the Q4 tidy-up" wide />}
        {type === 'apply-policy' && <TextField id={`${id}-from`} label="Copy the policy of model" value={text.fromModel} onChange={set('fromModel')} placeholder="fraud-detector" />}
        {type === 'change-owner' && <TextField id={`${id}-owner`} label="New owner's email" value={text.owner} onChange={set('owner')} placeholder="owner@example.com" type="email" wide />}
        <Button type="submit" variant="primary" disabled={!action || count === 0}>
          <Layers aria-hidden className="size-4" />
          Preview
        </Button>
      </form>
      {open && <PortfolioDialog selection={open.selection} count={open.count} action={open.action} onClose={() => setOpen(null)} onApplied={onApplied} />}
    </>
  );
}

function TextField({ id, label, wide, ...props }: { id: string; label: string; wide?: boolean } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={wide ? 'w-full space-y-1 sm:w-64' : 'w-full space-y-1 sm:w-40'}>
      <label htmlFor={id} className="block text-xs font-medium text-ink-muted">
        {label}
      </label>
      <Input id={id} {...props} />
    </div>
  );
}

/** The action the form describes, or null while its required input is missing. */
function actionFrom(type: PortfolioActionType, t: { key: string; value: string; comment: string; fromModel: string; owner: string }): PortfolioActionInput | null {
  switch (type) {
    case 'add-tag':
      return t.key.trim() ? { type, key: t.key.trim(), value: t.value.trim() } : null;
    case 'remove-tag':
      return t.key.trim() ? { type, key: t.key.trim() } : null;
    case 'archive':
      return t.comment.trim().length >= 3 ? { type, comment: t.comment.trim() } : null;
    case 'apply-policy':
      return t.fromModel.trim() ? { type, fromModel: t.fromModel.trim() } : null;
    case 'change-owner':
      return t.owner.trim() ? { type, owner: t.owner.trim() } : null;
  }
}
