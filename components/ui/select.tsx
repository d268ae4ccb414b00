import type { SelectHTMLAttributes } from 'react';
import { ChevronDown } from 'lucide-react';
import { cx } from './cx';

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  /** Table-row size (h-8); the default fills its container like Input. */
  compact?: boolean;
}

/**
 * A native <select> styled like Input, so keyboard, screen readers and mobile pickers work as the platform
 * does. `className` sizes the box around it (e.g. a width for a compact one).
 */
export function Select({ className, compact, ...props }: SelectProps) {
  return (
    <span className={cx('relative', compact ? 'inline-block' : 'block w-full', className)}>
      <select
        className={cx(
          'block w-full appearance-none rounded-md border border-line-strong bg-surface pr-8 pl-2.5 text-ink shadow-xs',
          'focus-visible:border-accent focus-visible:outline-accent/30 focus-visible:outline-offset-0 aria-invalid:border-red-500',
          'disabled:cursor-not-allowed disabled:opacity-60',
          compact ? 'h-8 text-sm' : 'h-9 text-sm',
        )}
        {...props}
      />
      <ChevronDown aria-hidden className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-ink-faint" />
    </span>
  );
}
