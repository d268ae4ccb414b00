import type { ReactNode } from 'react';
import { CopyButton } from '@/components/ui/copy-button';

/**
 * A labelled identifier (URI, digest, commit) in monospace, with a button to copy it exactly. Anything about
 * the value (a link to follow it) goes in `children`, a second <dd> of the same group: a <dl> holds only terms and their descriptions.
 */
export function CopyableField({ label, value, children }: { label: string; value: string | null; children?: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-ink-faint">{label}</dt>
      <dd className="mt-0.5 flex items-start gap-1">
        {value ? (
          <>
            <code className="min-w-0 flex-1 rounded bg-surface-muted px-1.5 py-1 font-mono text-xs break-all text-ink">{value}</code>
            <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
          </>
        ) : (
          <span className="text-sm text-ink-faint">not recorded</span>
        )}
      </dd>
      {children && <dd className="mt-1">{children}</dd>}
    </div>
  );
}
