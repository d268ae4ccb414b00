'use client';

import { useId, useState, type FormEvent } from 'react';
import { isRole, type Role } from '@/lib/registry';
import { ZCreateUserBody } from '@/lib/validations/admin';
import { useCreateUser, type CreatedUser } from '@/lib/queries/use-admin-users';
import { Dialog } from '@/components/ui/dialog';
import { Field, invalidProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { RoleOptions } from '../role-options';
import { ShownOnce, ShownOnceStep, useCreatedOnce } from '../shown-once';
import { FormActions } from '@/components/ui/form-actions';
import { fieldErrors } from '@/lib/validations/field-errors';

type Errors = Partial<Record<'email' | 'name' | 'role' | 'password', string>>;

/** Creates a user with a password the admin sets, or a generated one-time password shown once afterwards. */
export function NewUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const { created, setCreated, close } = useCreatedOnce<CreatedUser>(create, onClose);

  return (
    <Dialog open={open} onClose={close} title={created ? `${created.user.email} can sign in` : 'New user'} description={created ? undefined : 'They sign in with their email and this password.'}>
      {created?.oneTimePassword ? (
        <ShownOnceStep onDone={close}>
          <ShownOnce
            label="One-time password"
            value={created.oneTimePassword}
            warning="This password is shown only once and is not stored in readable form. Copy it now and hand it over in person or through a trusted channel."
          />
        </ShownOnceStep>
      ) : (
        <NewUserForm
          pending={create.isPending}
          onCancel={close}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (data) => (data.oneTimePassword ? setCreated(data) : close()),
            })
          }
        />
      )}
    </Dialog>
  );
}

function NewUserForm({ pending, onCancel, onSubmit }: { pending: boolean; onCancel: () => void; onSubmit: (input: { email: string; name: string; role: Role; password?: string }) => void }) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [mode, setMode] = useState<'generate' | 'set'>('generate');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateUserBody.safeParse({ email, name, role, password: mode === 'set' ? password : undefined });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, ['email', 'name', 'role', 'password'] as const));
      return;
    }
    setErrors({});
    onSubmit(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field id={`${id}-email`} label="Email" error={errors.email}>
        <Input id={`${id}-email`} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} {...invalidProps(`${id}-email`, errors.email)} />
      </Field>
      <Field id={`${id}-name`} label="Name" error={errors.name}>
        <Input id={`${id}-name`} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} {...invalidProps(`${id}-name`, errors.name)} />
      </Field>
      <Field id={`${id}-role`} label="Role" hint="Grants on single models can raise or lower this later.">
        <Select id={`${id}-role`} value={role} onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}>
          <RoleOptions />
        </Select>
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink">Password</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={`${id}-mode`} checked={mode === 'generate'} onChange={() => setMode('generate')} className="accent-accent" />
          Generate a one-time password
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={`${id}-mode`} checked={mode === 'set'} onChange={() => setMode('set')} className="accent-accent" />
          Set a password
        </label>
        {mode === 'set' && (
          <Field id={`${id}-password`} label={<span className="sr-only">Password</span>} hint="At least 8 characters." error={errors.password}>
            <Input id={`${id}-password`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} {...invalidProps(`${id}-password`, errors.password)} />
          </Field>
        )}
      </fieldset>
      <FormActions onCancel={onCancel} disabled={pending}>
        {pending ? 'Creating…' : 'Create user'}
      </FormActions>
    </form>
  );
}
