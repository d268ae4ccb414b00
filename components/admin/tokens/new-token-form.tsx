'use client';

import { useId, useState, type FormEvent } from 'react';
import { isRole, lowerRole, ROLE_LABELS, type Role } from '@/lib/registry';
import { ZCreateTokenBody } from '@/lib/validations/admin';
import type { NewTokenInput } from '@/lib/queries/use-admin-tokens';
import { Field, invalidProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { RoleOptions } from '../role-options';
import { ModelScopeSelect } from '../model-scope-select';
import { DEFAULT_EXPIRY, expiryBody, ExpiryOptions, type ExpiryChoice } from './expiry-options';
import { TokenKindChoice, type TokenKind } from './token-kind-choice';
import { decodeOwner, encodeOwner, ownerCeiling, servingDenial, type OwnerChoice, type ServiceAccountOption } from './token-owner';
import { FormActions } from '@/components/ui/form-actions';
import { fieldErrors } from '@/lib/validations/field-errors';

interface NewTokenFormProps {
  you: { email: string; role: Role };
  serviceAccounts: ServiceAccountOption[];
  models: string[];
  pending: boolean;
  onCancel: () => void;
  onSubmit: (input: NewTokenInput) => void;
}

type Errors = Partial<Record<'name' | 'serviceAccount' | 'owner', string>>;

/**
 * A token belongs to you or to a service account, never to a colleague: whoever holds a credential in
 * someone's name could approve as them. Serving tokens have no role; standard ones are capped by the owner.
 */
export function NewTokenForm({ you, serviceAccounts, models, pending, onCancel, onSubmit }: NewTokenFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TokenKind>('standard');
  const [owner, setOwner] = useState<OwnerChoice>({ type: 'self' });
  const [accountName, setAccountName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [model, setModel] = useState('');
  const [expiry, setExpiry] = useState<ExpiryChoice>(DEFAULT_EXPIRY);
  const [errors, setErrors] = useState<Errors>({});
  const ceiling = ownerCeiling(owner, you.role, serviceAccounts);

  const changeOwner = (next: OwnerChoice) => {
    setOwner(next);
    // A token cannot have more rights than its owner: step the role down with them.
    setRole((current) => lowerRole(current, ownerCeiling(next, you.role, serviceAccounts)));
  };

  const changeAccountName = (next: string) => {
    setAccountName(next);
    setErrors((current) => ({ ...current, serviceAccount: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const serviceAccount = owner.type === 'service' ? owner.name : owner.type === 'new-service' ? accountName.trim() : undefined;
    const parsed = ZCreateTokenBody.safeParse({
      name,
      kind,
      role: kind === 'standard' ? role : undefined,
      serviceAccount,
      model: model || undefined,
      expiresInDays: expiryBody(expiry),
    });
    const next: Errors = fieldErrors(parsed.error, ['name', 'serviceAccount'] as const);
    if (kind === 'serving' && servingDenial(ceiling)) next.owner = servingDenial(ceiling)!;
    if (owner.type === 'new-service' && serviceAccounts.some((a) => a.name === accountName.trim())) next.serviceAccount = 'That service account exists: pick it from the owner list.';
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) return;
    onSubmit(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field id={`${id}-name`} label="Name" hint="What uses it, e.g. “training pipeline”." error={errors.name}>
        <Input id={`${id}-name`} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} {...invalidProps(`${id}-name`, errors.name)} />
      </Field>
      <TokenKindChoice name={`${id}-kind`} value={kind} onChange={setKind} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-owner`} label="Owner" hint={owner.type === 'self' ? 'It acts as you.' : 'Service accounts never sign in and never approve.'} error={errors.owner}>
          <Select id={`${id}-owner`} value={encodeOwner(owner)} onChange={(e) => changeOwner(decodeOwner(e.target.value))} {...invalidProps(`${id}-owner`, errors.owner)}>
            <option value="self">{you.email} (you)</option>
            {serviceAccounts.length > 0 && (
              <optgroup label="Service accounts">
                {serviceAccounts.map((a) => (
                  <option key={a.name} value={encodeOwner({ type: 'service', name: a.name })}>
                    {a.name} ({ROLE_LABELS[a.role].toLowerCase()})
                  </option>
                ))}
              </optgroup>
            )}
            <option value="new-service">New service account…</option>
          </Select>
        </Field>
        {owner.type === 'new-service' ? (
          <Field id={`${id}-account`} label="Service account name" hint="Lowercase, e.g. “fraud-pipeline”. Created with the token's role." error={errors.serviceAccount}>
            <Input id={`${id}-account`} autoComplete="off" value={accountName} onChange={(e) => changeAccountName(e.target.value)} {...invalidProps(`${id}-account`, errors.serviceAccount)} />
          </Field>
        ) : (
          <div className="hidden sm:block" />
        )}
        {kind === 'standard' ? (
          <Field id={`${id}-role`} label="Role" hint={`Up to the owner's role (${ROLE_LABELS[ceiling].toLowerCase()}).`}>
            <Select id={`${id}-role`} value={role} onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}>
              <RoleOptions upTo={ceiling} />
            </Select>
          </Field>
        ) : (
          <div className="space-y-1">
            <p className="text-sm font-medium text-ink">Role</p>
            <p className="flex h-9 items-center text-sm text-ink-muted">None: resolve, route and report health only</p>
          </div>
        )}
        <Field id={`${id}-model`} label="Model">
          <ModelScopeSelect id={`${id}-model`} value={model} onChange={setModel} models={models} />
        </Field>
        <Field id={`${id}-expiry`} label="Expires" hint={expiry === 'never' ? 'Only for systems that cannot rotate tokens: revoke it by hand when it is no longer used.' : 'Rotate it before then.'}>
          <Select id={`${id}-expiry`} value={expiry} onChange={(e) => setExpiry(e.target.value as ExpiryChoice)}>
            <ExpiryOptions />
          </Select>
        </Field>
      </div>
      <FormActions onCancel={onCancel} disabled={pending}>
        {pending ? 'Creating…' : 'Create token'}
      </FormActions>
    </form>
  );
}
