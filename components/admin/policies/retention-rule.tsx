'use client';

import { useEffect, useId, useState } from 'react';
import { Play } from 'lucide-react';
import { describeRetentionRule, type RetentionRule } from '@/lib/registry';
import { useRetentionPreview, useRunRetention } from '@/lib/queries/use-retention';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, invalidProps } from '@/components/ui/field';
import { OptionalNumberInput } from './draft-inputs';
import type { DraftErrors } from './policy-draft';
import { RetentionDryRun } from './retention-dry-run';

/** The rule being edited: fields may be empty (undefined) or unreadable (NaN) until it validates. */
export type DraftRetention = { archiveTestingOlderThanDays?: number; keepNewestTesting?: number } | null;

interface RetentionRuleProps {
  model: string;
  value: DraftRetention;
  /** The rule as saved: Run now runs that one, so it is offered only while the draft says the same. */
  saved: RetentionRule | null;
  /** The draft's rule when it validates (what the dry run previews), else null. */
  valid: RetentionRule | null;
  errors: DraftErrors;
  onChange: (rule: DraftRetention) => void;
}

/**
 * Which Testing versions archive themselves: after N days in Testing, and/or all but the newest K. A dry run
 * of the draft updates as it is typed; Run now applies the saved rule at once (the schedule does it hourly).
 */
export function RetentionRuleSection({ model, value, saved, valid, errors, onChange }: RetentionRuleProps) {
  const id = useId();
  const on = value !== null;
  const rule = useDebounced(valid, 300);
  const preview = useRetentionPreview(model, on ? rule : null);
  const run = useRunRetention(model);
  const [confirming, setConfirming] = useState(false);
  const matchesSaved = saved !== null && valid !== null && sameRule(saved, valid);
  const toRun = matchesSaved && preview.data && sameRule(preview.data.rule ?? {}, saved) ? preview.data.archive : null;
  // A list cut short cannot be confirmed version by version: the run then goes without that check.
  const complete = !!preview.data && preview.data.archiveCount === preview.data.archive.length;

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-line bg-surface shadow-xs" data-testid="retention-section">
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-4 py-3">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-ink">
          Retention
        </h3>
        <p className="text-xs text-ink-muted">{valid ? `Archives Testing versions ${describeRetentionRule(valid)}` : on ? 'Incomplete rule' : 'No rule: nothing is archived automatically'}</p>
      </header>
      <div className="space-y-3 px-4 py-3 text-sm">
        <label className="flex items-start gap-2">
          <input type="checkbox" className="mt-0.5 accent-accent" checked={on} onChange={(e) => onChange(e.target.checked ? (saved ?? { archiveTestingOlderThanDays: 30, keepNewestTesting: 5 }) : null)} />
          <span>
            <span className="font-medium text-ink">Archive old Testing versions automatically</span>
            <span className="block text-xs text-ink-muted">
              A pass runs on the schedule (hourly unless the operator changed it). It never touches Staging or Production, a version that ever served Production, or one a pending request or an alias names. Each archive is audited as the retention rule&apos;s.
            </span>
          </span>
        </label>
        {on && (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id={`${id}-days`} label="Archive after this many days in Testing" optional error={errors['retention.archiveTestingOlderThanDays']} hint="Counted from registration, or from a later restore or demotion.">
              <OptionalNumberInput
                id={`${id}-days`}
                value={value.archiveTestingOlderThanDays}
                onChange={(days) => onChange(withField(value, 'archiveTestingOlderThanDays', days))}
                placeholder="e.g. 30"
                {...invalidProps(`${id}-days`, errors['retention.archiveTestingOlderThanDays'])}
              />
            </Field>
            <Field id={`${id}-keep`} label="Always keep the newest Testing versions" optional error={errors['retention.keepNewestTesting']} hint="By registration order; 0 keeps none for being new. An alias keeps any version.">
              <OptionalNumberInput
                id={`${id}-keep`}
                value={value.keepNewestTesting}
                onChange={(keep) => onChange(withField(value, 'keepNewestTesting', keep))}
                placeholder="e.g. 5"
                {...invalidProps(`${id}-keep`, errors['retention.keepNewestTesting'])}
              />
            </Field>
            {errors.retention && (
              <p role="alert" className="text-xs text-red-700 sm:col-span-2 dark:text-red-300">
                {errors.retention}
              </p>
            )}
          </div>
        )}
        {on && valid && <RetentionDryRun preview={preview.data} loading={preview.isPending} stale={preview.isPlaceholderData || rule !== valid} error={preview.error} />}
        {on && (
          <div className="flex flex-wrap items-center gap-2 border-t border-line pt-3">
            <Button size="sm" onClick={() => setConfirming(true)} disabled={!toRun || run.isPending}>
              <Play aria-hidden className="size-3.5" /> {run.isPending ? 'Running…' : 'Run now'}
            </Button>
            <p className="text-xs text-ink-muted">{matchesSaved ? 'Applies the saved rule at once instead of waiting for the next pass.' : 'Save the policy first: Run now applies the saved rule.'}</p>
          </div>
        )}
      </div>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={toRun && toRun.length > 0 ? `Archive ${preview.data!.archiveCount} version${preview.data!.archiveCount === 1 ? '' : 's'} of ${model} now?` : `Nothing to archive in ${model}`}
        description="Each version moves from Testing to Archived, audited as the retention rule's with your name beside it. A version can be restored from Archived later."
      >
        {toRun && toRun.length > 0 && (
          <ul className="mb-4 max-h-60 space-y-1 overflow-auto text-sm">
            {toRun.map((a) => (
              <li key={a.number}>
                <span className="font-medium">v{a.number}</span> <span className="font-mono text-xs text-ink-muted">{a.semver}</span> — {a.reason}
              </li>
            ))}
          </ul>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button
            variant="primary"
            disabled={!toRun || run.isPending}
            onClick={() => toRun && run.mutate(complete ? toRun.map((a) => a.number) : undefined, { onSettled: () => setConfirming(false) })}
          >
            {toRun && toRun.length > 0 ? 'Archive now' : 'Run anyway'}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}

function withField(rule: NonNullable<DraftRetention>, key: keyof NonNullable<DraftRetention>, n: number | undefined): NonNullable<DraftRetention> {
  const next = { ...rule };
  if (n === undefined) delete next[key];
  else next[key] = n;
  return next;
}

function sameRule(a: { archiveTestingOlderThanDays?: number; keepNewestTesting?: number }, b: { archiveTestingOlderThanDays?: number; keepNewestTesting?: number }): boolean {
  return a.archiveTestingOlderThanDays === b.archiveTestingOlderThanDays && a.keepNewestTesting === b.keepNewestTesting;
}

/** `value`, once it has stayed the same for `ms`: the dry run asks the server when typing pauses. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
