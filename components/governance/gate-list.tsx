import { CheckCircle2, XCircle } from 'lucide-react';
import type { GateResult } from '@/lib/registry';
import { cx } from '@/components/ui/cx';

/** Every gate with its verdict and the numbers behind it. */
export function GateList({ gates, className }: { gates: GateResult[]; className?: string }) {
  if (gates.length === 0) return <p className={cx('text-sm text-ink-muted', className)}>This stage has no gates in the model&apos;s policy.</p>;
  return (
    <ul className={cx('space-y-1.5', className)} aria-label="Gate results">
      {gates.map((gate, i) => (
        <li key={`${gate.kind}-${i}`} className="flex gap-2 text-sm" data-testid="gate-result" data-passed={gate.passed}>
          {gate.passed ? (
            <CheckCircle2 aria-label="passed" className="mt-0.5 size-4 shrink-0 text-emerald-600 dark:text-emerald-400" />
          ) : (
            <XCircle aria-label="failed" className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400" />
          )}
          <span>
            <span className="font-medium">{gate.label}</span>
            <span className="block text-xs text-ink-muted">{gate.detail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function summariseGates(gates: GateResult[]): string | null {
  const failing = gates.filter((g) => !g.passed).length;
  return failing === 0 ? null : `${failing} gate${failing === 1 ? '' : 's'} failing`;
}
