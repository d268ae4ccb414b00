'use client';

import { useState } from 'react';
import { UserPlus } from 'lucide-react';
import type { AdminUser } from '@/lib/db/queries/admin';
import { useAdminUsers } from '@/lib/queries/use-admin-users';
import { Table, Th } from '@/components/ui/table';
import { NewUserDialog } from './new-user-dialog';
import { UserRow } from './user-row';
import { PanelHeader } from '../panel-header';

interface UsersPanelProps {
  initialUsers: AdminUser[];
  models: string[];
  currentUserId: string;
}

/** Everyone who can sign in or could: role, status and per-model grants, each editable in place. */
export function UsersPanel({ initialUsers, models, currentUserId }: UsersPanelProps) {
  const { data: users } = useAdminUsers(initialUsers);
  const [creating, setCreating] = useState(false);
  const active = users.filter((u) => !u.disabled).length;

  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <PanelHeader id="users-heading" title="Users" action={{ icon: UserPlus, label: 'New user', onClick: () => setCreating(true) }}>
        {active} active, {users.length - active} disabled. A grant gives someone a different role on one model, overriding their global role there.
      </PanelHeader>
      <Table label="Users">
        <thead>
          <tr>
            <Th>User</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th>Model grants</Th>
            <Th>Created</Th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} models={models} isSelf={user.id === currentUserId} />
          ))}
        </tbody>
      </Table>
      <NewUserDialog open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}
