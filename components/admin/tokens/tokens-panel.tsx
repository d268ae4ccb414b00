'use client';

import { useState } from 'react';
import { KeyRound, Plus } from 'lucide-react';
import type { AdminToken } from '@/lib/db/queries/admin';
import { ROLE_LABELS, type Role } from '@/lib/registry';
import { useAdminTokens } from '@/lib/queries/use-admin-tokens';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, Td, Th } from '@/components/ui/table';
import { NewTokenDialog } from './new-token-dialog';
import { RevokeTokenButton } from './revoke-token-button';
import { TokenExpiry } from './token-expiry';
import type { ServiceAccountOption } from './token-owner';
import { PanelHeader } from '../panel-header';

interface TokensPanelProps {
  initialTokens: AdminToken[];
  you: { email: string; role: Role };
  serviceAccounts: ServiceAccountOption[];
  models: string[];
}

const STATUS_TONE: Record<AdminToken['status'], BadgeTone> = { active: 'emerald', revoked: 'red', expired: 'zinc' };

/** API tokens: who owns them, what they may do on which models, until when, and when last used. */
export function TokensPanel({ initialTokens, you, serviceAccounts, models }: TokensPanelProps) {
  const { data: tokens } = useAdminTokens(initialTokens);
  const [creating, setCreating] = useState(false);
  const [now] = useState(() => Date.now());
  const active = tokens.filter((t) => t.status === 'active').length;

  return (
    <section aria-labelledby="tokens-heading" className="space-y-4">
      <PanelHeader id="tokens-heading" title="API tokens" action={{ icon: Plus, label: 'New token', onClick: () => setCreating(true) }}>
        {active} active. Pipelines send them as <code className="font-mono text-xs">Authorization: Bearer …</code>; a token never does more than its owner can.
      </PanelHeader>
      {tokens.length === 0 ? (
        <EmptyState icon={KeyRound} title="No API tokens yet" description="Create one for each pipeline (a standard token) and each serving system (a serving token)." />
      ) : (
        <Table label="API tokens">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Token</Th>
              <Th>Owner</Th>
              <Th>Can</Th>
              <Th>Model</Th>
              <Th>Expires</Th>
              <Th>Last used</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} data-testid="token-row" className={token.status === 'active' ? undefined : 'text-ink-muted'}>
                <Td className="font-medium">{token.name}</Td>
                <Td className="font-mono text-xs whitespace-nowrap">{token.prefix}…</Td>
                <Td>
                  <TokenOwner token={token} />
                </Td>
                <Td>{token.kind === 'serving' ? <Badge tone="blue">Serving</Badge> : ROLE_LABELS[token.role]}</Td>
                <Td>{token.model ? <span className="font-mono text-xs">{token.model}</span> : <span className="text-ink-muted">all models</span>}</Td>
                <Td className="whitespace-nowrap">
                  <TokenExpiry token={token} now={now} />
                </Td>
                <Td className="whitespace-nowrap">{token.lastUsedAt ? <RelativeTime iso={token.lastUsedAt} /> : <span className="text-ink-faint">never</span>}</Td>
                <Td>
                  <Badge tone={STATUS_TONE[token.status]}>{token.status}</Badge>
                </Td>
                <Td className="text-right">{token.status === 'active' && <RevokeTokenButton token={token} />}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <NewTokenDialog open={creating} onClose={() => setCreating(false)} you={you} serviceAccounts={serviceAccounts} models={models} />
    </section>
  );
}

/** The owner, marked when it is a service account, and who created the token when that is someone else. */
function TokenOwner({ token }: { token: AdminToken }) {
  return (
    <span className="block">
      <span className="flex flex-wrap items-center gap-1.5">
        {token.owner}
        {token.ownerKind === 'service' && <Badge tone="zinc">service account</Badge>}
      </span>
      {token.ownerKind === 'service' && token.createdBy && <span className="block text-xs text-ink-muted">created by {token.createdBy}</span>}
      {token.heldForSomeoneElse && (
        <span className="block text-xs text-amber-800 dark:text-amber-300" title="Created before tokens had to belong to their creator; it can no longer approve anything. Revoke it.">
          created by {token.createdBy ?? 'someone else'}: cannot approve
        </span>
      )}
    </span>
  );
}
