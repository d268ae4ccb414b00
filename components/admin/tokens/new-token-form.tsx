'use client';

import { useId, useState, type FormEvent } from 'react';
import type { AdminUser } from '@/lib/db/queries/admin';
import { isRole, lowerRole, ROLE_LABELS, type Role } from '@/lib/registry';
import { ZCreateTokenBody } from '@/lib/validations/admin';
import type { NewTokenInput } from '@/lib/queries/use-admin-tokens';
import { Button } from '@/components/ui/button';
import { Field, invalidProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { RoleOptions } from '../role-options';
import { ModelScopeSelect } from '../model-scope-select';

interface NewTokenFormProps {
  users: Pick<AdminUser, 'id' | 'email' | 'name' | 'role' | 'disabled'>[];
  models: string[];
  currentUserId: string;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (input: NewTokenInput) => void;
}

type Errors = Partial<Record<'name' | 'expiresInDays', string>>;

export function NewTokenForm({ users, models, currentUserId, pending, onCancel, onSubmit }: NewTokenFormProps) {
  const id = useId();
  const owners = users.filter((u) => !u.disabled);
  const [name, setName] = useState('');
  const [ownerId, setOwnerId] = useState(currentUserId);
  const [role, setRole] = useState<Role>('viewer');
  const [model, setModel] = useState('');
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const owner = owners.find((u) => u.id === ownerId);
  const ownerRole = owner?.role ?? 'viewer';

  const changeOwner = (next: string) => {
    setOwnerId(next);
    // A token cannot have more rights than its owner: step the role down with them.
    const nextRole = owners.find((u) => u.id === next)?.role ?? 'viewer';
    setRole((current) => lowerRole(current, nextRole));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateTokenBody.safeParse({
      name,
      ownerId,
      role,
      model: model || undefined,
      expiresInDays: days.trim() === '' ? undefined : Number(days),
    });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (key === 'name') next.name ??= issue.message;
        if (key === 'expiresInDays') next.expiresInDays ??= 'A whole number of days from 1 to 3650, or empty for no expiry.';
      }
      setErrors(next);
      return;
    }
    setErrors({});
    onSubmit(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field id={`${id}-name`} label="Name" hint="What uses it, e.g. “training pipeline”." error={errors.name}>
        <Input id={`${id}-name`} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} {...invalidProps(`${id}-name`, errors.name)} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-owner`} label="Owner">
          <Select id={`${id}-owner`} value={ownerId} onChange={(e) => changeOwner(e.target.value)}>
            {owners.map((u) => (
              <option key={u.id} value={u.id}>
                {u.id === currentUserId ? `${u.email} (you)` : u.email}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${id}-role`} label="Role" hint={`Up to the owner's role (${ROLE_LABELS[ownerRole].toLowerCase()}).`}>
          <Select id={`${id}-role`} value={role} onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}>
            <RoleOptions upTo={ownerRole} />
          </Select>
        </Field>
        <Field id={`${id}-model`} label="Model">
          <ModelScopeSelect id={`${id}-model`} value={model} onChange={setModel} models={models} />
        </Field>
        <Field id={`${id}-days`} label="Expires after (days)" optional hint="Empty: never expires." error={errors.expiresInDays}>
          <Input id={`${id}-days`} type="number" inputMode="numeric" min={1} max={3650} placeholder="never" value={days} onChange={(e) => setDays(e.target.value)} {...invalidProps(`${id}-days`, errors.expiresInDays)} />
        </Field>
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </Button>
      </div>
    </form>
  );
}
