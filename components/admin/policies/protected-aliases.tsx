'use client';

import { DEFAULT_PROTECTED_ALIASES } from '@/lib/registry';
import { Field, invalidProps } from '@/components/ui/field';
import { ListInput } from './draft-inputs';

interface ProtectedAliasesProps {
  /** undefined: the policy names none, so the default (champion) applies. */
  value: string[] | undefined;
  error?: string;
  onChange: (aliases: string[]) => void;
}

/**
 * Which aliases serve traffic for this model. A protected alias may point only at the Production version
 * or an approved canary, and only approvers move it; the database enforces the same list.
 */
export function ProtectedAliases({ value, error, onChange }: ProtectedAliasesProps) {
  const aliases = value ?? [...DEFAULT_PROTECTED_ALIASES];
  return (
    <section aria-labelledby="protected-aliases-title" className="rounded-lg border border-line bg-surface shadow-xs">
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-4 py-3">
        <h3 id="protected-aliases-title" className="text-sm font-semibold text-ink">
          Serving aliases
        </h3>
        <p className="text-xs text-ink-muted">{aliases.length === 0 ? 'None protected: any alias may point anywhere.' : `${aliases.length} protected`}</p>
      </header>
      <div className="px-4 py-3">
        <Field
          id="protected-aliases"
          label="Protected aliases"
          error={error}
          hint={
            <>
              Comma-separated, e.g. <span className="font-mono">champion, challenger</span>. Each may point only at the Production version or a canary approvers gave a
              share of traffic, and only approvers move it. Default: <span className="font-mono">{DEFAULT_PROTECTED_ALIASES.join(', ')}</span>.
            </>
          }
        >
          <ListInput id="protected-aliases" value={aliases} onChange={onChange} placeholder="champion" {...invalidProps('protected-aliases', error)} />
        </Field>
      </div>
    </section>
  );
}
