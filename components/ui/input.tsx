import type { InputHTMLAttributes, LabelHTMLAttributes } from 'react';
import { cx } from './cx';

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      className={cx(
        'block h-9 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-ink shadow-xs placeholder:text-ink-faint',
        'focus-visible:border-accent focus-visible:outline-accent/30 focus-visible:outline-offset-0 aria-invalid:border-red-500',
        className,
      )}
      {...props}
    />
  );
}

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cx('block text-sm font-medium text-ink', className)} {...props} />;
}
