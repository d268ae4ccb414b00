import type { Metadata } from 'next';
import { listModelNames, listUsers } from '@/lib/db/queries/admin';
import { UsersPanel } from '@/components/admin/users/users-panel';
import { requireAdmin } from '../require-admin';

export const metadata: Metadata = { title: 'Users · Admin' };

export default async function AdminUsersPage() {
  const admin = await requireAdmin('users.manage');
  const [users, models] = await Promise.all([listUsers(), listModelNames()]);
  return <UsersPanel initialUsers={users} models={models} currentUserId={admin.id} />;
}
