'use client';

import { useQuery } from '@tanstack/react-query';
import { ROLE_LABELS, type Role } from '@/lib/registry';
import type { AdminUser } from '@/lib/db/queries/admin';
import { getAllPages } from './get-all-pages';
import { adminKeys } from './keys';
import { sendJson } from './send-json';
import { useAdminMutation } from './use-admin-mutation';

export interface NewUserInput {
  email: string;
  name: string;
  role: Role;
  /** Omitted: the server generates a one-time password and returns it once. */
  password?: string;
}

export interface CreatedUser {
  user: { id: string; email: string; name: string; role: Role };
  oneTimePassword: string | null;
}

/** Every user with role, status and grants; the server-rendered list seeds the cache. */
export function useAdminUsers(initialData: AdminUser[]) {
  return useQuery({
    queryKey: adminKeys.users(),
    queryFn: ({ signal }) => getAllPages<'users', AdminUser>('/api/admin/users', 'users', signal),
    initialData,
  });
}

const users = () => [adminKeys.users()];

export function useCreateUser() {
  return useAdminMutation({
    mutationFn: (input: NewUserInput) => sendJson<CreatedUser>('POST', '/api/admin/users', input),
    invalidates: users,
    // A generated password is shown in the dialog instead.
    success: (data) => (data.oneTimePassword ? null : `${data.user.email} can now sign in`),
  });
}

export type UserChange = { id: string; email: string } & ({ role: Role } | { disabled: boolean });

export function useUpdateUser() {
  return useAdminMutation({
    mutationFn: (change: UserChange) =>
      sendJson<{ user: AdminUser }>('PATCH', `/api/admin/users/${encodeURIComponent(change.id)}`, 'role' in change ? { role: change.role } : { disabled: change.disabled }),
    invalidates: (change) => ('disabled' in change ? [adminKeys.users(), adminKeys.tokens()] : users()),
    success: (_data, change) =>
      'role' in change ? `${change.email} is now ${ROLE_LABELS[change.role].toLowerCase()}` : change.disabled ? `${change.email} is disabled` : `${change.email} is enabled again`,
  });
}

export function useSetGrant() {
  return useAdminMutation({
    mutationFn: (grant: { userId: string; email: string; model: string; role: Role }) =>
      sendJson<unknown>('PUT', '/api/admin/grants', { userId: grant.userId, model: grant.model, role: grant.role }),
    invalidates: users,
    success: (_data, grant) => `${grant.email} is ${ROLE_LABELS[grant.role].toLowerCase()} on ${grant.model}`,
  });
}

export function useRemoveGrant() {
  return useAdminMutation({
    mutationFn: (grant: { userId: string; email: string; model: string }) => sendJson<unknown>('DELETE', '/api/admin/grants', { userId: grant.userId, model: grant.model }),
    invalidates: users,
    success: (_data, grant) => `Removed ${grant.email}'s grant on ${grant.model}`,
  });
}
