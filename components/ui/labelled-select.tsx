'use client';

import { useId, type SelectHTMLAttributes } from 'react';
import { cx } from './cx';

interface LabelledSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: { value: string; label: string }[];
}

/**
 * A small inline picker ("Metric [auc ▾]"). The label is tied by `htmlFor`, not by wrapping, so the
 * select's accessible name is just the label and not the label plus the chosen option.
 */
export function LabelledSelect({ label, options, className, ...props }: LabelledSelectProps) {
  const id = useId();
  return (
    <span className="flex items-center gap-2 text-xs text-ink-muted">
      <label htmlFor={id}>{label}</label>
      <select id={id} className={cx('h-8 rounded-md border border-line-strong bg-surface px-2 font-mono text-xs text-ink', className)} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}
