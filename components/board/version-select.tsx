'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { CheckSquare, X } from 'lucide-react';
import { PORTFOLIO_PERMISSIONS, type PortfolioActionType } from '@/lib/registry/portfolio';
import { canOn, type AccessSubject } from '@/lib/registry/access';
import { STAGE_LABELS, type Stage } from '@/lib/registry/stages';
import { boardKeys, versionKeys } from '@/lib/queries/keys';
import dynamic from 'next/dynamic';
import { Button } from '@/components/ui/button';

// The bulk form and its dialog load when someone turns select mode on, not with every board (first-load JS).
const BulkActionForm = dynamic(() => import('@/components/portfolio/bulk-action-bar').then((m) => m.BulkActionForm), { ssr: false });

/** What makes sense on versions: their tags, and archiving (a move, so Production is refused by the service). */
const VERSION_ACTIONS = ['add-tag', 'remove-tag', 'archive'] as const satisfies readonly PortfolioActionType[];

/** The version bulk actions someone may do on this model (the server checks each version again). */
export function versionActionsFor(viewer: AccessSubject, model: string): PortfolioActionType[] {
  return VERSION_ACTIONS.filter((type) => canOn(viewer, PORTFOLIO_PERMISSIONS[type], { model }));
}

interface VersionSelectState {
  model: string;
  actions: PortfolioActionType[];
  active: boolean;
  selected: ReadonlySet<number>;
  setActive: (active: boolean) => void;
  toggle: (number: number) => void;
  /** Select every card shown in a stage (unselect them all when they already are). */
  toggleStage: (stage: Stage) => void;
  allSelectedIn: (stage: Stage) => boolean;
  clear: () => void;
  /** Cards say which stage they show, so "select all in this column" takes what is on screen, loaded pages included. */
  register: (number: number, stage: Stage) => () => void;
}

const Context = createContext<VersionSelectState | null>(null);

/**
 * "Select versions" on a board: a mode that puts a checkbox on each card and a bulk bar below, feeding the
 * portfolio's own preview → confirm → progress → result dialog with `{ versions: [...] }`. Leaving the mode
 * forgets the selection.
 */
export function VersionSelectProvider({ model, actions, children }: { model: string; actions: PortfolioActionType[]; children: ReactNode }) {
  const [active, setActiveState] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const shown = useRef(new Map<number, Stage>());
  // Re-rendered when cards come and go, so the column buttons' labels follow.
  const [shownVersion, setShownVersion] = useState(0);
  const setActive = useCallback((next: boolean) => {
    setActiveState(next);
    if (!next) setSelected(new Set());
  }, []);
  const toggle = useCallback((number: number) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(number)) next.delete(number);
      else next.add(number);
      return next;
    });
  }, []);
  const inStage = useCallback((stage: Stage) => [...shown.current].filter(([, s]) => s === stage).map(([n]) => n), []);
  const allSelectedIn = useCallback((stage: Stage) => {
    const numbers = inStage(stage);
    return numbers.length > 0 && numbers.every((n) => selected.has(n));
  }, [inStage, selected]);
  const toggleStage = useCallback((stage: Stage) => {
    const numbers = inStage(stage);
    setSelected((current) => {
      const next = new Set(current);
      const all = numbers.every((n) => next.has(n));
      for (const n of numbers) {
        if (all) next.delete(n);
        else next.add(n);
      }
      return next;
    });
  }, [inStage]);
  const register = useCallback((number: number, stage: Stage) => {
    shown.current.set(number, stage);
    setShownVersion((v) => v + 1);
    return () => {
      if (shown.current.get(number) === stage) shown.current.delete(number);
      // A card that left the board (archived, moved) is no longer selected.
      setSelected((current) => {
        if (!current.has(number) || shown.current.has(number)) return current;
        const next = new Set(current);
        next.delete(number);
        return next;
      });
      setShownVersion((v) => v + 1);
    };
  }, []);
  const clear = useCallback(() => setSelected(new Set()), []);
  const value = useMemo(
    () => ({ model, actions, active, selected, setActive, toggle, toggleStage, allSelectedIn, clear, register, shownVersion }),
    [model, actions, active, selected, setActive, toggle, toggleStage, allSelectedIn, clear, register, shownVersion],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useVersionSelect(): VersionSelectState | null {
  return useContext(Context);
}

/** The toggle above the columns; only for someone who may tag or archive versions of this model. */
export function SelectVersionsToggle() {
  const state = useVersionSelect();
  if (!state || state.actions.length === 0) return null;
  return (
    <Button size="sm" variant={state.active ? 'primary' : 'secondary'} aria-pressed={state.active} onClick={() => state.setActive(!state.active)}>
      {state.active ? <X aria-hidden className="size-3.5" /> : <CheckSquare aria-hidden className="size-3.5" />}
      {state.active ? 'Done selecting' : 'Select versions'}
    </Button>
  );
}

/** A card's checkbox in select mode (above the card's stretched link, so it can be clicked and tabbed to). */
export function VersionSelectCheckbox({ number, stage }: { number: number; stage: Stage }) {
  const state = useVersionSelect();
  const register = state?.register;
  useEffect(() => (register ? register(number, stage) : undefined), [register, number, stage]);
  if (!state?.active) return null;
  return (
    <input
      type="checkbox"
      aria-label={`Select v${number}`}
      checked={state.selected.has(number)}
      onChange={() => state.toggle(number)}
      className="relative z-10 size-4 cursor-pointer accent-accent"
    />
  );
}

/** "Select all" in a column's heading, in select mode. */
export function SelectColumnButton({ stage }: { stage: Stage }) {
  const state = useVersionSelect();
  if (!state?.active) return null;
  const all = state.allSelectedIn(stage);
  return (
    <Button size="sm" variant="ghost" className="h-7 px-2 text-xs" aria-label={`${all ? 'Unselect' : 'Select'} all in ${STAGE_LABELS[stage]}`} onClick={() => state.toggleStage(stage)}>
      {all ? 'Unselect all' : 'Select all'}
    </Button>
  );
}

/** The bulk bar of select mode: the count, Clear, and the portfolio's action form (versions of this model). */
export function VersionBulkBar() {
  const state = useVersionSelect();
  const queryClient = useQueryClient();
  if (!state?.active) return null;
  const count = state.selected.size;
  const sorted = [...state.selected].sort((a, b) => a - b);
  return (
    <section
      aria-label="Bulk actions on versions"
      className="sticky bottom-4 z-20 flex flex-col gap-3 rounded-xl border border-line-strong bg-surface/95 px-4 py-3 shadow-lg backdrop-blur lg:flex-row lg:items-end lg:justify-between"
    >
      <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span aria-live="polite" className="font-medium text-ink tabular-nums">
          {count} {count === 1 ? 'version' : 'versions'} selected
        </span>
        {count > 0 && <span className="min-w-0 truncate text-ink-muted">{sorted.map((n) => `v${n}`).join(', ')}</span>}
        {count > 0 && (
          <Button size="sm" variant="ghost" onClick={state.clear}>
            Clear
          </Button>
        )}
      </div>
      <BulkActionForm
        actions={state.actions}
        count={count}
        selection={() => ({ versions: sorted.map((number) => ({ model: state.model, number })) })}
        onApplied={() => {
          state.clear();
          void queryClient.invalidateQueries({ queryKey: boardKeys.detail(state.model) });
          void queryClient.invalidateQueries({ queryKey: versionKeys.model(state.model) });
        }}
      />
    </section>
  );
}
