import type { ReactNode } from 'react';
import { cx } from './cx';
import { Label } from './input';

interface FieldProps {
  /** The id of the control inside; the label points at it and the error is `${id}-error`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  className?: string;
  children: ReactNode;
}

/** A label, its control, a hint and the validation error, stacked. Give the control `aria-describedby={fieldErrorId(id)}` when in error. */
export function Field({ id, label, hint, error, optional, className, children }: FieldProps) {
  return (
    <div className={cx('space-y-1', className)}>
      <Label htmlFor={id}>
        {label}
        {optional && <span className="ml-1 font-normal text-ink-muted">(optional)</span>}
      </Label>
      {children}
      {hint && !error && <p className="text-xs text-ink-muted">{hint}</p>}
      {error && (
        <p id={fieldErrorId(id)} className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

export const fieldErrorId = (id: string) => `${id}-error`;

/** The ARIA attributes a control in a Field needs when its value is wrong. */
export function invalidProps(id: string, error: string | null | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': fieldErrorId(id) } : {};
}
