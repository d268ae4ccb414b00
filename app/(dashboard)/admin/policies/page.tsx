import type { Metadata } from 'next';
import Link from 'next/link';
import { describeRetentionRule, retentionRuleOf } from '@/lib/registry';
import { getPolicy, listModelNames } from '@/lib/db/queries/admin';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, Td, Th } from '@/components/ui/table';
import { requireAdmin } from '../require-admin';

export const metadata: Metadata = { title: 'Policies · Admin' };

export default async function AdminPoliciesPage() {
  await requireAdmin('policies.manage');
  const names = await listModelNames();
  const policies = (await Promise.all(names.map(getPolicy))).filter((p) => p !== null);

  return (
    <section aria-labelledby="policies-heading" className="space-y-4">
      <div>
        <h2 id="policies-heading" className="text-lg font-semibold">
          Promotion policies
        </h2>
        <p className="text-sm text-ink-muted">The gates a version must pass to enter Staging and Production, and which Testing versions archive themselves, per model. Models without their own policy use the default.</p>
      </div>
      <Table label="Policies">
        <thead>
          <tr>
            <Th>Model</Th>
            <Th>Policy</Th>
            <Th className="text-right">Staging gates</Th>
            <Th className="text-right">Production gates</Th>
            <Th>Retention</Th>
            <Th>Last changed</Th>
          </tr>
        </thead>
        <tbody>
          {policies.map((p) => (
            <tr key={p.model}>
              <Td>
                <Link href={`/admin/policies/${encodeURIComponent(p.model)}`} className="font-medium text-accent-text hover:underline">
                  {p.model}
                </Link>
              </Td>
              <Td>{p.isDefault ? <Badge tone="zinc">Default</Badge> : <Badge tone="accent">Custom</Badge>}</Td>
              <Td className="text-right tabular-nums">{p.policy.staging.length}</Td>
              <Td className="text-right tabular-nums">{p.policy.production.length}</Td>
              <Td className="text-xs text-ink-muted">{retentionSummary(p.policy)}</Td>
              <Td className="text-xs text-ink-muted">{p.updatedAt ? <RelativeTime iso={p.updatedAt} /> : 'never'}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

/** "Archives after 30 days in Testing, keeping the newest 5", or "none". */
function retentionSummary(policy: Parameters<typeof retentionRuleOf>[0]): string {
  const rule = retentionRuleOf(policy);
  return rule ? `Archives ${describeRetentionRule(rule)}` : 'none';
}
