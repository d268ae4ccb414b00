import type { Metadata } from 'next';
import { listModelNames, listTokens, listUsers } from '@/lib/db/queries/admin';
import { TokensPanel } from '@/components/admin/tokens/tokens-panel';
import { requireAdmin } from '../require-admin';

export const metadata: Metadata = { title: 'API tokens · Admin' };

export default async function AdminTokensPage() {
  const admin = await requireAdmin('tokens.manage');
  const [tokens, users, models] = await Promise.all([listTokens(), listUsers(), listModelNames()]);
  // Tokens are owned by their creator or by a service account: those are the only owners to offer.
  const serviceAccounts = users.filter((u) => u.kind === 'service' && !u.disabled).map((u) => ({ name: u.name, role: u.role }));
  return <TokensPanel initialTokens={tokens} you={{ email: admin.email, role: admin.role }} serviceAccounts={serviceAccounts} models={models} />;
}
