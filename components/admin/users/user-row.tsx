'use client';

import { useState } from 'react';
import type { AdminUser } from '@/lib/db/queries/admin';
import { isRole, type Role } from '@/lib/registry';
import { useUpdateUser } from '@/lib/queries/use-admin-users';
import { ActionButton } from '@/components/governance/action-button';
import { ActionDialog } from '@/components/governance/action-dialog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { RelativeTime } from '@/components/ui/relative-time';
import { Select } from '@/components/ui/select';
import { Td } from '@/components/ui/table';
import { RoleOptions } from '../role-options';
import { UserGrants } from './user-grants';

/** One user: role select with Save, status with Disable/Enable, grants. The server refuses to remove the last admin. */
export function UserRow({ user, models, isSelf }: { user: AdminUser; models: string[]; isSelf: boolean }) {
  const update = useUpdateUser();
  const [draftRole, setDraftRole] = useState<Role>(user.role);
  const [confirmDisable, setConfirmDisable] = useState(false);
  // A refetch after someone else's change moves the select along, unless this row has an unsaved edit.
  const [savedRole, setSavedRole] = useState<Role>(user.role);
  if (savedRole !== user.role) {
    setSavedRole(user.role);
    setDraftRole(user.role);
  }
  const dirty = draftRole !== user.role;
  const saveRole = () => update.mutate({ id: user.id, email: user.email, role: draftRole }, { onError: () => setDraftRole(user.role) });

  return (
    <tr data-testid="user-row" className={cx(user.disabled && 'bg-surface-muted/40')}>
      <Td>
        <span className={cx('block font-medium', user.disabled ? 'text-ink-muted' : 'text-ink')}>
          {user.name}
          {isSelf && <span className="ml-1.5 text-xs font-normal text-ink-muted">(you)</span>}
          {user.kind === 'service' && (
            <Badge tone="zinc" className="ml-1.5 align-middle" title="Holds API tokens only: never signs in, never approves">
              service account
            </Badge>
          )}
        </span>
        <span className="block text-xs text-ink-muted">{user.email}</span>
      </Td>
      <Td>
        <div className="flex items-center gap-1.5">
          <Select aria-label={`Role of ${user.email}`} value={draftRole} onChange={(e) => isRole(e.target.value) && setDraftRole(e.target.value)} compact className="w-40" disabled={update.isPending}>
            {/* Service accounts are never admins: administration stays with people. */}
            <RoleOptions upTo={user.kind === 'service' ? 'approver' : undefined} />
          </Select>
          {dirty && (
            <>
              <Button size="sm" variant="primary" onClick={saveRole} disabled={update.isPending} aria-label={`Save role of ${user.email}`}>
                Save
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setDraftRole(user.role)} aria-label={`Undo role change of ${user.email}`}>
                Undo
              </Button>
            </>
          )}
        </div>
      </Td>
      <Td>
        <div className="flex items-center gap-2">
          <Badge tone={user.disabled ? 'zinc' : 'emerald'}>{user.disabled ? 'Disabled' : 'Active'}</Badge>
          {user.disabled ? (
            <Button size="sm" variant="ghost" disabled={update.isPending} onClick={() => update.mutate({ id: user.id, email: user.email, disabled: false })}>
              Enable
            </Button>
          ) : (
            <ActionButton
              label="Disable"
              variant="ghost"
              pending={update.isPending}
              disabledReason={isSelf ? 'You cannot disable your own account; ask another admin.' : null}
              onClick={() => setConfirmDisable(true)}
            />
          )}
        </div>
        {confirmDisable && (
          <ActionDialog
            open
            onClose={() => setConfirmDisable(false)}
            title={`Disable ${user.email}?`}
            description="They are signed out at their next request, cannot sign in, and their API tokens stop working. Nothing they did is removed; you can enable them again."
            confirmLabel="Disable"
            danger
            onConfirm={() => update.mutate({ id: user.id, email: user.email, disabled: true })}
          />
        )}
      </Td>
      <Td>
        <UserGrants user={user} models={models} />
      </Td>
      <Td className="text-xs whitespace-nowrap text-ink-muted">
        <RelativeTime iso={user.createdAt} />
      </Td>
    </tr>
  );
}
