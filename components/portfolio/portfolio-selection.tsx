'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SelectionFacts } from './selection';

interface SelectionState extends SelectionFacts {
  toggle: (name: string) => void;
  setPage: (checked: boolean) => void;
  selectAllMatching: () => void;
  clear: () => void;
  pageNames: readonly string[];
}

const SelectionContext = createContext<SelectionState | null>(null);

/** The models ticked on the models page, for the bulk action bar (a page of rows, or all a search matches). */
export function PortfolioSelectionProvider({ pageNames, query, total, children }: { pageNames: string[]; query: string; total: number; children: ReactNode }) {
  const [names, setNames] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const toggle = useCallback((name: string) => {
    setAllMatching(false);
    setNames((current) => {
      const next = new Set(current);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  }, []);
  const setPage = useCallback((checked: boolean) => {
    setAllMatching(false);
    setNames(checked ? new Set(pageNames) : new Set());
  }, [pageNames]);
  const selectAllMatching = useCallback(() => {
    setNames(new Set(pageNames));
    setAllMatching(true);
  }, [pageNames]);
  const clear = useCallback(() => {
    setNames(new Set());
    setAllMatching(false);
  }, []);
  const value = useMemo(() => ({ names, allMatching, toggle, setPage, selectAllMatching, clear, pageNames, query, total }), [names, allMatching, toggle, setPage, selectAllMatching, clear, pageNames, query, total]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

/** The selection, or null outside the provider (a viewer's page shows no checkboxes). */
export function usePortfolioSelection(): SelectionState | null {
  return useContext(SelectionContext);
}

/** One row's checkbox, above the row's stretched link so it can be clicked and tabbed to. */
export function RowCheckbox({ name }: { name: string }) {
  const state = usePortfolioSelection();
  if (!state) return null;
  return (
    <input
      type="checkbox"
      aria-label={`Select ${name}`}
      checked={state.allMatching || state.names.has(name)}
      onChange={() => state.toggle(name)}
      className="relative z-10 size-4 shrink-0 cursor-pointer accent-accent self-center"
    />
  );
}
