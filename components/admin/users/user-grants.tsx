'use client';

import { useId, useState, type FormEvent } from 'react';
import { Plus, X } from 'lucide-react';
import type { AdminUser } from '@/lib/db/queries/admin';
import { isRole, ROLE_LABELS, type Role } from '@/lib/registry';
import { useRemoveGrant, useSetGrant } from '@/lib/queries/use-admin-users';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { RoleOptions } from '../role-options';
import { FormActions } from '@/components/ui/form-actions';

/** A user's per-model roles as removable badges, and a dialog to add or change one. */
export function UserGrants({ user, models }: { user: AdminUser; models: string[] }) {
  const remove = useRemoveGrant();
  const [adding, setAdding] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {user.grants.length === 0 && <span className="text-xs text-ink-faint">none</span>}
      {user.grants.map((grant) => (
        <Badge key={grant.model} tone="blue" className="pr-0.5" data-testid="grant">
          {ROLE_LABELS[grant.role]} on <span className="font-mono">{grant.model}</span>
          <button
            type="button"
            aria-label={`Remove ${user.email}'s grant on ${grant.model}`}
            title="Remove grant"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ userId: user.id, email: user.email, model: grant.model })}
            className="ml-0.5 inline-flex size-4 items-center justify-center rounded hover:bg-blue-600/15"
          >
            <X aria-hidden className="size-3" />
          </button>
        </Badge>
      ))}
      <Button size="sm" variant="ghost" className="h-6 px-1.5" aria-label={`Add a model grant for ${user.email}`} title="Add a model grant" onClick={() => setAdding(true)}>
        <Plus aria-hidden className="size-3.5" /> Grant
      </Button>
      <Dialog open={adding} onClose={() => setAdding(false)} title={`Model grant for ${user.name}`} description={`On the chosen model this role replaces their global role (${ROLE_LABELS[user.role]}), higher or lower.`}>
        <GrantForm user={user} models={models} onDone={() => setAdding(false)} />
      </Dialog>
    </div>
  );
}

function GrantForm({ user, models, onDone }: { user: AdminUser; models: string[]; onDone: () => void }) {
  const id = useId();
  const set = useSetGrant();
  const [model, setModel] = useState(models.find((m) => !user.grants.some((g) => g.model === m)) ?? models[0] ?? '');
  const [role, setRole] = useState<Role>('approver');
  const existing = user.grants.find((g) => g.model === model);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!model) return;
    set.mutate({ userId: user.id, email: user.email, model, role }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-model`} label="Model" hint={existing ? `Replaces their ${ROLE_LABELS[existing.role].toLowerCase()} grant.` : undefined}>
          <Select id={`${id}-model`} value={model} onChange={(e) => setModel(e.target.value)}>
            {models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${id}-role`} label="Role on this model">
          <Select id={`${id}-role`} value={role} onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}>
            <RoleOptions />
          </Select>
        </Field>
      </div>
      <FormActions onCancel={onDone} disabled={set.isPending || !model}>
        Grant
      </FormActions>
    </form>
  );
}
