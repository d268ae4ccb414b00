'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { cx } from './cx';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}

/**
 * A modal on the native <dialog> element: the browser traps focus and closes on Escape, and focus returns to
 * the opener, so keyboard users get it right without a library.
 */
export function Dialog({ open, onClose, title, description, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // The browser gives focus back only to a dialog closed in place; one its owner removes (most are rendered
      // only while open) would leave focus on <body>, and a keyboard user at the top of the page.
      if (opener?.isConnected && (document.activeElement === null || document.activeElement === document.body)) opener.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onCancel={onClose}
      aria-labelledby="dialog-title"
      className={cx(
        'm-auto w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40 backdrop:backdrop-blur-[1px]',
        className,
      )}
    >
      {open && (
        <div className="p-5">
          <h2 id="dialog-title" className="text-base font-semibold">
            {title}
          </h2>
          {description && <div className="mt-1 text-sm text-ink-muted">{description}</div>}
          <div className="mt-4">{children}</div>
        </div>
      )}
    </dialog>
  );
}
