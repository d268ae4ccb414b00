// POST /api/admin/audit/verify – recompute the audit hash chains; reports OK or the first broken event
import { ZChainVerification } from '@/lib/api-v1/schemas/admin';
import { route } from '@/lib/http/route';
import { verifyAuditChain } from '@/lib/services/verify-audit-chain';

export const POST = route({
  summary: "Recompute the audit log's hash chains; names the first event edited or removed",
  permission: 'audit.verify',
  scope: 'global',
  response: ZChainVerification,
  handler: ({ actor }) => verifyAuditChain(actor),
});
