'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { cx } from './cx';

/** An icon button that copies `value`; `label` names it for screen readers ("Copy artifact URI"). */
export function CopyButton({ value, label, className }: { value: string; label: string; className?: string }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success('Copied to clipboard');
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard access needs a secure context and permission; say so rather than fail silently.
      toast.error('Could not copy. Select the text and copy it by hand.');
    }
  }

  const Icon = copied ? Check : Copy;
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      title={label}
      className={cx('inline-flex size-7 shrink-0 items-center justify-center rounded-md text-ink-faint transition-colors hover:bg-surface-muted hover:text-ink', className)}
    >
      <Icon aria-hidden className="size-3.5" />
    </button>
  );
}
