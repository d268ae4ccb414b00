'use client';

import { useState } from 'react';
import { ChevronRight, MessagesSquare } from 'lucide-react';
import type { Viewer } from '@/components/governance/version-actions';
import { cx } from '@/components/ui/cx';
import { Discussion } from './discussion';

/** A request's thread: the discussion of the version it names, loaded when the reviewer opens it. */
export function ThreadDisclosure({ model, number, viewer }: { model: string; number: number; viewer: Viewer }) {
  const [open, setOpen] = useState(false);
  const panel = `thread-${model}-${number}`;
  return (
    <div className="mt-3 border-t border-line pt-3" data-testid="request-thread">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-1.5 rounded text-sm font-medium text-ink-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
      >
        <ChevronRight aria-hidden className={cx('size-4 transition-transform', open && 'rotate-90')} />
        <MessagesSquare aria-hidden className="size-4" /> Discussion of v{number}
      </button>
      {open && (
        <div id={panel} className="mt-3">
          <Discussion model={model} number={number} viewer={viewer} />
        </div>
      )}
    </div>
  );
}
