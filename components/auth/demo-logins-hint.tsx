import { ROLE_LABELS, type Role } from '@/lib/registry';

interface DemoLoginsHintProps {
  accounts: { email: string; role: Role }[];
  password: string;
}

/** Shown only on demo installs, so a first-time visitor can try each role without creating users. */
export function DemoLoginsHint({ accounts, password }: DemoLoginsHintProps) {
  return (
    <aside aria-label="Demo logins" className="rounded-lg border border-dashed border-line-strong bg-surface-muted/50 p-4 text-sm">
      <p className="font-medium text-ink">Demo logins</p>
      <p className="mt-0.5 text-ink-muted">
        Every demo account uses the password <code className="rounded bg-surface px-1 py-0.5 font-mono text-xs text-ink">{password}</code>.
      </p>
      <ul className="mt-3 space-y-1">
        {accounts.map((account) => (
          <li key={account.email} className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="font-mono text-xs text-ink">{account.email}</span>
            <span className="text-xs text-ink-faint">{ROLE_LABELS[account.role]}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
