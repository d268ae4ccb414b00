'use client';

import { useState, type ReactNode } from 'react';
import { MAX_CANARY_WEIGHT, ZCanaryWeight } from '@/lib/registry/serving';
import { Field, invalidProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ActionDialog } from './action-dialog';

interface CanaryDialogProps {
  model: string;
  number: number;
  productionNumber: number;
  /** Why the request cannot be made (e.g. failing Production gates). */
  blockedReason: string | null;
  onClose: () => void;
  onRequest: (weight: number, comment: string) => void;
  children?: ReactNode;
}

/**
 * Ask approvers for a share of traffic beside Production: the percentage, and why. The share applies only
 * when the request is approved, as a Production request would be, and ends when Production changes.
 */
export function CanaryDialog({ model, number, productionNumber, blockedReason, onClose, onRequest, children }: CanaryDialogProps) {
  const [text, setText] = useState('10');
  const parsed = ZCanaryWeight.safeParse(Number(text));
  const weightError = text.trim() === '' ? 'Give a percentage.' : parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Not a valid share.');
  return (
    <ActionDialog
      open
      onClose={onClose}
      title={`Request a canary for ${model} v${number}`}
      description={`If approvers approve, v${number} serves this share of traffic beside Production v${productionNumber}, which keeps the rest. The share ends when Production changes.`}
      confirmLabel="Request canary"
      blockedReason={blockedReason ?? (weightError ? 'Fix the share of traffic first.' : null)}
      field={{ label: 'Comment for the approvers', required: true, placeholder: 'What you want to learn from live traffic' }}
      onConfirm={(comment) => parsed.success && onRequest(parsed.data, comment)}
    >
      <Field id="canary-weight" label="Share of traffic (%)" hint={`1 to ${MAX_CANARY_WEIGHT} %. Production keeps at least ${100 - MAX_CANARY_WEIGHT} %.`} error={weightError}>
        <Input id="canary-weight" inputMode="numeric" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} className="w-28" {...invalidProps('canary-weight', weightError)} />
      </Field>
      {children}
    </ActionDialog>
  );
}
