'use client';

import type { ChainVerification } from '@/lib/services/verify-audit-chain';
import { sendJson } from './send-json';
import { useAdminMutation } from './use-admin-mutation';

/** Recomputes the audit log's hash chains on the server; the result is shown beside the button. */
export function useVerifyAudit() {
  return useAdminMutation({
    mutationFn: () => sendJson<ChainVerification>('POST', '/api/admin/audit/verify'),
    invalidates: () => [],
    success: () => null,
  });
}
