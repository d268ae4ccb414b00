'use client';

import Link from 'next/link';
import { GitCompareArrows, X } from 'lucide-react';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { compareHref, MAX_COMPARE, MIN_COMPARE } from '@/lib/registry/compare-href';
import { Button, buttonClasses } from '@/components/ui/button';

interface CompareSelection {
  numbers: number[];
  toggle: (number: number) => void;
  clear: () => void;
}

const SelectionContext = createContext<CompareSelection | null>(null);

/** The versions ticked for comparison on one board; forgotten when the board is left. */
export function CompareSelectionProvider({ children }: { children: ReactNode }) {
  const [numbers, setNumbers] = useState<number[]>([]);
  const toggle = (number: number) =>
    setNumbers((current) => (current.includes(number) ? current.filter((n) => n !== number) : current.length < MAX_COMPARE ? [...current, number] : current));
  return <SelectionContext.Provider value={{ numbers, toggle, clear: () => setNumbers([]) }}>{children}</SelectionContext.Provider>;
}

function useSelection(): CompareSelection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error('CompareCheckbox and CompareBar must sit inside CompareSelectionProvider');
  return selection;
}

/** The tick box on a card. Sits above the card's stretched link, so ticking does not open the version. */
export function CompareCheckbox({ number }: { number: number }) {
  const { numbers, toggle } = useSelection();
  const checked = numbers.includes(number);
  const full = !checked && numbers.length >= MAX_COMPARE;
  return (
    <input
      type="checkbox"
      aria-label={`Compare v${number}`}
      title={full ? `You can compare up to ${MAX_COMPARE} versions` : `Select v${number} to compare`}
      checked={checked}
      disabled={full}
      onChange={() => toggle(number)}
      className="relative z-10 size-4 cursor-pointer accent-[var(--accent)] disabled:cursor-not-allowed"
    />
  );
}

/** Appears once anything is ticked: what is selected, and the way to the comparison once there are two. */
export function CompareBar({ model }: { model: string }) {
  const { numbers, clear } = useSelection();
  if (numbers.length === 0) return null;
  const ready = numbers.length >= MIN_COMPARE;
  const sorted = [...numbers].sort((a, b) => a - b);
  return (
    <div role="region" aria-label="Compare selection" className="sticky bottom-4 z-20 mx-auto flex w-fit max-w-full flex-wrap items-center gap-3 rounded-xl border border-line-strong bg-surface/95 px-4 py-2.5 shadow-lg backdrop-blur">
      <p className="text-sm text-ink" aria-live="polite">
        {sorted.map((n) => `v${n}`).join(', ')}
        <span className="ml-2 text-ink-muted">
          {ready ? `${numbers.length} of up to ${MAX_COMPARE}` : `pick at least ${MIN_COMPARE - numbers.length} more`}
        </span>
      </p>
      <Button variant="ghost" size="sm" onClick={clear}>
        <X aria-hidden className="size-3.5" /> Clear
      </Button>
      {ready ? (
        <Link href={compareHref(model, sorted)} className={buttonClasses({ variant: 'primary', size: 'sm' })}>
          <GitCompareArrows aria-hidden className="size-3.5" /> Compare ({numbers.length})
        </Link>
      ) : (
        <span aria-disabled="true" className={buttonClasses({ variant: 'primary', size: 'sm' })}>
          <GitCompareArrows aria-hidden className="size-3.5" /> Compare ({numbers.length})
        </span>
      )}
    </div>
  );
}
