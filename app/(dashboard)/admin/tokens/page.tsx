import type { Metadata } from 'next';
import { listModelNames, listTokens, listUsers } from '@/lib/db/queries/admin';
import { TokensPanel } from '@/components/admin/tokens/tokens-panel';
import { requireAdmin } from '../require-admin';

export const metadata: Metadata = { title: 'API tokens · Admin' };

export default async function AdminTokensPage() {
  const admin = await requireAdmin('tokens.manage');
  const [tokens, users, models] = await Promise.all([listTokens(), listUsers(), listModelNames()]);
  const owners = users.map(({ id, email, name, role, disabled }) => ({ id, email, name, role, disabled }));
  return <TokensPanel initialTokens={tokens} users={owners} models={models} currentUserId={admin.id} />;
}
