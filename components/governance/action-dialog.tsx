'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

export interface TextFieldSpec {
  label: string;
  required: boolean;
  minLength?: number;
  placeholder?: string;
}

interface ActionDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  field?: TextFieldSpec;
  /** A second, admin-only field: a justification that lets the action pass failing gates. */
  overrideField?: TextFieldSpec | null;
  /** Why confirming is not possible (e.g. failing gates); shown beside the disabled button. */
  blockedReason?: string | null;
  children?: ReactNode;
  onConfirm: (text: string, override: string) => void;
}

/** Confirmation for a governance action: what will happen, a reason or comment, then one clear button. */
export function ActionDialog({ open, onClose, title, description, confirmLabel, danger, field, overrideField, blockedReason, children, onConfirm }: ActionDialogProps) {
  const [text, setText] = useState('');
  const [override, setOverride] = useState('');
  const minLength = field?.required ? (field.minLength ?? 3) : 0;
  const overriding = !!overrideField && override.trim().length >= (overrideField.minLength ?? 10);
  const blocked = (!!blockedReason && !overriding) || text.trim().length < minLength;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blocked) return;
    onConfirm(text.trim(), overriding ? override.trim() : '');
    setText('');
    setOverride('');
    onClose();
  };

  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <form onSubmit={submit} className="space-y-4">
        {children}
        {field && <TextArea id="action-text" spec={field} value={text} onChange={setText} />}
        {overrideField && blockedReason && <TextArea id="action-override" spec={overrideField} value={override} onChange={setOverride} />}
        <div className="flex items-center justify-end gap-2">
          {blockedReason && !overriding && <p className="mr-auto text-xs text-red-700 dark:text-red-300">{blockedReason}</p>}
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="primary"
            aria-disabled={blocked || undefined}
            className={danger ? 'bg-red-600 text-white hover:bg-red-700 aria-disabled:cursor-not-allowed' : 'aria-disabled:cursor-not-allowed'}
          >
            {overriding ? `${confirmLabel} (override)` : confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function TextArea({ id, spec, value, onChange }: { id: string; spec: TextFieldSpec; value: string; onChange: (v: string) => void }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {spec.label}
        {!spec.required && <span className="ml-1 font-normal text-ink-muted">(optional)</span>}
      </label>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={3}
        placeholder={spec.placeholder}
        className="mt-1 w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-xs focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30"
      />
    </div>
  );
}
