'use client';

import { useId, useState } from 'react';
import { Field, invalidProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

interface ReminderRulesProps {
  /** undefined: no reminders. */
  remindAfterHours: number | undefined;
  error?: string;
  onChange: (remindAfterHours: number | undefined) => void;
}

/** When the approvers of a request that is still open get an e-mail reminder (each further period, another). */
export function ReminderRules({ remindAfterHours, error, onChange }: ReminderRulesProps) {
  const id = useId();
  // The text as typed, so a half-typed or wrong value stays on screen with its error.
  const [typed, setTyped] = useState(remindAfterHours === undefined ? '' : String(remindAfterHours));
  // When the draft changes from outside (Discard changes, Use default), show its value instead.
  const typedValue = typed.trim() === '' ? undefined : Number(typed.trim());
  const text = Object.is(typedValue, remindAfterHours) ? typed : remindAfterHours === undefined ? '' : String(remindAfterHours);
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-line bg-surface shadow-xs">
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-4 py-3">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-ink">
          Reminders
        </h3>
        <p className="text-xs text-ink-muted">{remindAfterHours === undefined ? 'No reminders' : `After ${remindAfterHours} h, and every ${remindAfterHours} h after`}</p>
      </header>
      <div className="px-4 py-3">
        <Field
          id={`${id}-hours`}
          label="Remind approvers after (hours)"
          optional
          error={error}
          hint="Approvers who can decide a request still open after this long get an e-mail (if they have not switched reminders off). Empty: never."
        >
          <Input
            id={`${id}-hours`}
            inputMode="numeric"
            placeholder="24"
            className="max-w-32"
            value={text}
            onChange={(e) => {
              setTyped(e.target.value);
              const trimmed = e.target.value.trim();
              onChange(trimmed === '' ? undefined : Number(trimmed));
            }}
            {...invalidProps(`${id}-hours`, error)}
          />
        </Field>
      </div>
    </section>
  );
}
