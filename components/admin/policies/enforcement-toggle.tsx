'use client';

import { useId } from 'react';
import { cx } from '@/components/ui/cx';

interface EnforcementToggleProps {
  advisory: boolean;
  /** Spoken name of the gate, e.g. "Staging gate 1". */
  gateName: string;
  onChange: (advisory: boolean) => void;
}

const OPTIONS = [
  { advisory: false, label: 'Blocking', hint: 'A failure stops the move.' },
  { advisory: true, label: 'Advisory', hint: 'A failure is shown and recorded; the move goes ahead.' },
] as const;

/** Blocking or advisory, as two radio buttons styled as one segmented control (arrow keys move between them). */
export function EnforcementToggle({ advisory, gateName, onChange }: EnforcementToggleProps) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={`${gateName}: blocking or advisory`} className="inline-flex rounded-md bg-surface-muted p-0.5 ring-1 ring-line ring-inset">
      {OPTIONS.map((option) => {
        const checked = option.advisory === advisory;
        return (
          <label
            key={option.label}
            title={option.hint}
            className={cx(
              'cursor-pointer rounded px-2 py-0.5 text-xs font-medium transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent',
              checked && !option.advisory && 'bg-surface text-ink shadow-xs',
              checked && option.advisory && 'bg-amber-100 text-amber-900 shadow-xs dark:bg-amber-400/15 dark:text-amber-200',
              !checked && 'text-ink-muted hover:text-ink',
            )}
          >
            <input type="radio" name={name} className="sr-only" checked={checked} onChange={() => onChange(option.advisory)} />
            {option.label}
          </label>
        );
      })}
    </div>
  );
}
