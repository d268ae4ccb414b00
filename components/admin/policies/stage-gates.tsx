'use client';

import { useId, useState } from 'react';
import { Plus, Trash2 } from 'lucide-react';
import type { Gate, PolicyStage } from '@/lib/registry';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { EnforcementToggle } from './enforcement-toggle';
import { GateFields } from './gate-fields';
import { errorKey, GATE_KINDS, gateKindLabel, kindsAllowed, newGate, type DraftErrors, type DraftGate, type GateKind } from './policy-draft';

interface StageGatesProps {
  stage: PolicyStage;
  label: string;
  gates: DraftGate[];
  errors: DraftErrors;
  onChange: (gates: DraftGate[]) => void;
}

/** The gates a version must pass to enter one stage: each editable, removable, and more to add. */
export function StageGates({ stage, label, gates, errors, onChange }: StageGatesProps) {
  const id = useId();
  const allowed = kindsAllowed(stage, gates);
  const [kind, setKind] = useState<GateKind>('metric-threshold');
  const addable = allowed.includes(kind) ? kind : allowed[0];

  const replace = (index: number, gate: Gate) => onChange(gates.map((g, i) => (i === index ? { ...gate, key: g.key } : g)));
  // Advisory is stored only when set, so switching back to blocking leaves the saved policy as it was.
  const setAdvisory = (index: number, advisory: boolean) =>
    onChange(gates.map((g, i) => (i !== index || g.kind === 'approvals' ? g : advisory ? { ...g, advisory: true } : withoutAdvisory(g))));
  const advisoryCount = gates.filter((g) => g.advisory).length;

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-line bg-surface shadow-xs">
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-4 py-3">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-ink">
          To enter {label}
        </h3>
        <p className="text-xs text-ink-muted">
          {gates.length === 0
            ? 'No gates: any version may enter.'
            : advisoryCount === 0
              ? `${gates.length} gate${gates.length === 1 ? '' : 's'}, all must pass`
              : `${gates.length - advisoryCount} blocking, ${advisoryCount} advisory (shown and recorded, never blocking)`}
        </p>
      </header>
      <ol className="divide-y divide-line">
        {gates.map((gate, index) => (
          <li key={gate.key}>
            <fieldset className="px-4 py-3">
              <legend className="sr-only">{`${label} gate ${index + 1}: ${gateKindLabel(gate.kind)}`}</legend>
              <div className="mb-2 flex flex-wrap items-center gap-2">
                <p className="text-xs font-semibold tracking-wide text-ink-muted uppercase" aria-hidden>
                  {index + 1}. {gateKindLabel(gate.kind)}
                </p>
                {gate.kind !== 'approvals' && (
                  <EnforcementToggle advisory={gate.advisory === true} gateName={`${label} gate ${index + 1}`} onChange={(advisory) => setAdvisory(index, advisory)} />
                )}
                <Button
                  size="sm"
                  variant="ghost"
                  className="ml-auto h-7 text-ink-faint hover:text-red-700 dark:hover:text-red-300"
                  aria-label={`Remove ${label} gate ${index + 1} (${gateKindLabel(gate.kind)})`}
                  title="Remove gate"
                  onClick={() => onChange(gates.filter((_, i) => i !== index))}
                >
                  <Trash2 aria-hidden className="size-3.5" />
                </Button>
              </div>
              <GateFields gate={gate} onChange={(next) => replace(index, next)} error={(field) => errors[errorKey(stage, index, field)]} />
            </fieldset>
          </li>
        ))}
      </ol>
      {addable && (
        <div className="flex flex-wrap items-center gap-2 border-t border-line bg-surface-muted/40 px-4 py-3">
          <Select aria-label={`Kind of gate to add to ${label}`} value={addable} onChange={(e) => setKind(e.target.value as GateKind)} compact className="w-56">
            {GATE_KINDS.filter((k) => allowed.includes(k.kind)).map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </Select>
          <Button size="sm" onClick={() => onChange([...gates, newGate(addable)])} aria-label={`Add gate to ${label}`}>
            <Plus aria-hidden className="size-3.5" /> Add gate
          </Button>
          <p className="text-xs text-ink-muted">{GATE_KINDS.find((k) => k.kind === addable)?.description}</p>
        </div>
      )}
    </section>
  );
}

function withoutAdvisory(gate: DraftGate): DraftGate {
  const { advisory, ...rest } = gate as DraftGate & { advisory?: boolean };
  void advisory;
  return rest as DraftGate;
}
