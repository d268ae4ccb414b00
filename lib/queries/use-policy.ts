'use client';

import { useRouter } from 'next/navigation';
import type { Policy } from '@/lib/registry';
import type { PolicyPreviewRow } from '@/lib/services/update-policy';
import { adminKeys, boardKeys, gateKeys } from './keys';
import { sendJson } from './send-json';
import { useAdminMutation } from './use-admin-mutation';

// The preview's rows as the service computes them (a type import: nothing of the service reaches the browser).
export type { PolicyPreviewRow } from '@/lib/services/update-policy';

const policyUrl = (model: string) => `/api/admin/policies/${encodeURIComponent(model)}`;

/** What a draft policy would decide for today's Testing and Staging versions; nothing is saved. */
export function usePolicyPreview(model: string) {
  return useAdminMutation({
    mutationFn: (policy: Policy) => sendJson<{ rows: PolicyPreviewRow[] }>('POST', `${policyUrl(model)}/preview`, { policy }).then((r) => r.rows),
    invalidates: () => [],
    success: () => null,
  });
}

export function useSavePolicy(model: string) {
  const router = useRouter();
  const mutation = useAdminMutation({
    // The save carries when the policy it started from was saved, so it cannot silently overwrite a newer one.
    mutationFn: (input: { policy: Policy; expectedUpdatedAt: string | null }) => sendJson<{ policy: Policy; updatedAt: string }>('PUT', policyUrl(model), input),
    // Gate verdicts and the board's blocked buttons follow the policy.
    invalidates: () => [adminKeys.policy(model), gateKeys.model(model), boardKeys.detail(model)],
    success: () => `Policy saved for ${model}`,
  });
  return {
    ...mutation,
    // The page's "default policy" and "last changed" come from the server render.
    save: (policy: Policy, expectedUpdatedAt: string | null) => mutation.mutate({ policy, expectedUpdatedAt }, { onSuccess: () => router.refresh() }),
  };
}
