'use client';

import { RadioTower, KeyRound } from 'lucide-react';
import { cx } from '@/components/ui/cx';

export type TokenKind = 'standard' | 'serving';

const KINDS: { kind: TokenKind; title: string; description: string; icon: typeof KeyRound }[] = [
  { kind: 'standard', title: 'Standard', description: 'Acts with the role you choose: pipelines, scripts, MLflow clients.', icon: KeyRound },
  { kind: 'serving', title: 'Serving', description: 'Resolve, route and report health only. Its health reports can roll Production back.', icon: RadioTower },
];

/** Two radio cards: what the token is for. Native radios, so arrow keys move between them. */
export function TokenKindChoice({ name, value, onChange }: { name: string; value: TokenKind; onChange: (kind: TokenKind) => void }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-ink">Kind</legend>
      <div className="mt-1.5 grid gap-2 sm:grid-cols-2">
        {KINDS.map(({ kind, title, description, icon: Icon }) => (
          <label
            key={kind}
            className={cx(
              'flex cursor-pointer gap-2.5 rounded-md border p-3 text-sm transition-colors has-focus-visible:outline-2 has-focus-visible:outline-accent/40',
              value === kind ? 'border-accent bg-accent/5' : 'border-line hover:border-line-strong',
            )}
          >
            <input type="radio" name={name} value={kind} checked={value === kind} onChange={() => onChange(kind)} className="sr-only" />
            <Icon aria-hidden className={cx('mt-0.5 size-4 shrink-0', value === kind ? 'text-accent' : 'text-ink-faint')} />
            <span>
              <span className="block font-medium text-ink">{title}</span>
              <span className="block text-xs text-ink-muted">{description}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
