import { AlertTriangle, CheckCircle2, XCircle } from 'lucide-react';
import { failingGates, unmetAdvisoryGates, type GateResult } from '@/lib/registry/gates';
import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';

/** A blocking failure stops the move (red); an advisory one is recorded beside it and does not (amber). */
function GateIcon({ gate }: { gate: GateResult }) {
  if (gate.passed) return <CheckCircle2 aria-label="passed" className="mt-0.5 size-4 shrink-0 text-emerald-600 dark:text-emerald-400" />;
  if (gate.advisory) return <AlertTriangle aria-label="advisory, not met" className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" />;
  return <XCircle aria-label="failed" className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400" />;
}

/** Every gate with its verdict and the numbers behind it; advisory gates are labelled as such. */
export function GateList({ gates, className }: { gates: GateResult[]; className?: string }) {
  if (gates.length === 0) return <p className={cx('text-sm text-ink-muted', className)}>This stage has no gates in the model&apos;s policy.</p>;
  return (
    <ul className={cx('space-y-1.5', className)} aria-label="Gate results">
      {gates.map((gate, i) => (
        <li key={`${gate.kind}-${i}`} className="flex gap-2 text-sm" data-testid="gate-result" data-passed={gate.passed} data-advisory={gate.advisory === true}>
          <GateIcon gate={gate} />
          <span className="min-w-0">
            <span className="font-medium">{gate.label}</span>
            {gate.advisory && (
              <Badge tone={gate.passed ? 'zinc' : 'amber'} className="ml-1.5 align-text-bottom" title="Advisory: shown and recorded, never stops the move">
                advisory
              </Badge>
            )}
            <span className="block text-xs text-ink-muted">
              {gate.detail}
              {gate.advisory && !gate.passed && ' Recorded with the move; it does not stop it.'}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Why a move is blocked: the failing blocking gates, or null when none fails (advisory ones never block). */
export function summariseGates(gates: GateResult[]): string | null {
  const failing = failingGates(gates).length;
  return failing === 0 ? null : `${failing} gate${failing === 1 ? '' : 's'} failing`;
}

/** "1 advisory gate not met", or null. */
export function summariseAdvisories(gates: GateResult[]): string | null {
  const unmet = unmetAdvisoryGates(gates).length;
  return unmet === 0 ? null : `${unmet} advisory gate${unmet === 1 ? '' : 's'} not met`;
}
