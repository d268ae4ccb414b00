'use client';

import { useId } from 'react';

interface ApproverRulesProps {
  authorMayApprove: boolean;
  onChange: (authorMayApprove: boolean) => void;
}

/** Who may approve a Production request: never the requester or a service account; the author only if allowed. */
export function ApproverRules({ authorMayApprove, onChange }: ApproverRulesProps) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-line bg-surface shadow-xs">
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-4 py-3">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-ink">
          Who may approve
        </h3>
        <p className="text-xs text-ink-muted">{authorMayApprove ? 'Authors may approve their own versions' : 'Four eyes: never the author'}</p>
      </header>
      <div className="space-y-2 px-4 py-3 text-sm">
        <p className="text-ink-muted">The requester and service accounts never approve. A token used by a service account counts as the person who created it.</p>
        <label className="flex items-start gap-2">
          <input id={`${id}-author`} type="checkbox" className="mt-0.5 accent-accent" checked={authorMayApprove} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-author-hint`} />
          <span>
            <span className="font-medium text-ink">Let the author of a version approve its promotion</span>
            <span id={`${id}-author-hint`} className="block text-xs text-ink-muted">
              Off (recommended): someone other than the person who registered the version must approve. Turning it off also stops an author&apos;s earlier approval from counting.
            </span>
          </span>
        </label>
      </div>
    </section>
  );
}
