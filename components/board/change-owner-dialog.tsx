'use client';

import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { boardKeys } from '@/lib/queries/keys';
import { ApiError } from '@/lib/queries/api-error';
import { sendJson } from '@/lib/queries/send-json';
import { FormActions } from '@/components/ui/form-actions';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';

interface OwnerChange {
  model: string;
  owner: string;
  changed: boolean;
}

/** The dialog of ChangeOwnerButton, loaded when it is opened. */
export function ChangeOwnerDialog({ model, owner, onClose }: { model: string; owner: string; onClose: () => void }) {
  const id = useId();
  const [email, setEmail] = useState('');
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (next: string) => sendJson<OwnerChange>('PUT', `/api/v1/models/${encodeURIComponent(model)}/owner`, { owner: next }),
    onSuccess: (answer) => {
      if (answer.changed) toast.success(`${model} now belongs to ${answer.owner}`, { description: 'Recorded in the audit timeline.' });
      else toast.info(`${answer.owner} already owns ${model}`, { description: 'Nothing changed.' });
      void queryClient.invalidateQueries({ queryKey: boardKeys.detail(model) });
      onClose();
    },
  });
  const valid = /^[^\s@]+@[^\s@]+$/.test(email.trim());
  return (
    <Dialog open onClose={onClose} className="text-left" title={`Change the owner of ${model}`} description={`It belongs to ${owner} now. The new owner is named by email; the change is recorded in the audit timeline.`}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid && !change.isPending) change.mutate(email.trim());
        }}
      >
        <div className="space-y-1">
          <label htmlFor={`${id}-email`} className="block text-sm font-medium">
            New owner&apos;s email
          </label>
          <Input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              change.reset();
            }}
            placeholder="owner@example.com"
            aria-invalid={change.isError || undefined}
            aria-describedby={change.isError ? `${id}-error` : undefined}
            autoFocus
          />
          {change.isError && (
            <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-300">
              {change.error instanceof ApiError ? change.error.message : 'The owner could not be changed.'}
            </p>
          )}
        </div>
        <FormActions onCancel={onClose} disabled={!valid || change.isPending}>
          {change.isPending ? 'Changing…' : 'Change owner'}
        </FormActions>
      </form>
    </Dialog>
  );
}
