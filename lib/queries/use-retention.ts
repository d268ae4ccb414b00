'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RetentionRule } from '@/lib/registry';
import type { RetentionPreview, RetentionRunResult } from '@/lib/services/apply-retention';
import { auditKeys, boardKeys, retentionKeys, versionKeys } from './keys';
import { postJson } from './send-json';
import { useAdminMutation } from './use-admin-mutation';

// The answers as the service computes them (type imports: nothing of the service reaches the browser).
export type { RetentionPreview, RetentionRunResult } from '@/lib/services/apply-retention';

const retentionUrl = (model: string) => `/api/v1/models/${encodeURIComponent(model)}/retention`;

/** What `rule` (a draft, saved or not) would archive now; off while the rule is null (none, or invalid). */
export function useRetentionPreview(model: string, rule: RetentionRule | null) {
  return useQuery({
    queryKey: retentionKeys.preview(model, rule ?? {}),
    queryFn: () => postJson<RetentionPreview>(`${retentionUrl(model)}/preview`, { rule }),
    enabled: rule !== null,
    // While the next number is being typed, the last answer stays on screen (dimmed) instead of a skeleton.
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Run the saved rule now; `expectedArchive` is what the confirmation showed (a different pass is a 409). */
export function useRunRetention(model: string) {
  return useAdminMutation({
    mutationFn: (expectedArchive: number[] | undefined) => postJson<RetentionRunResult>(`${retentionUrl(model)}/run`, { expectedArchive }),
    // Archived versions leave the board's Testing column and add events to the history.
    invalidates: () => [retentionKeys.model(model), boardKeys.detail(model), versionKeys.model(model), auditKeys.all],
    success: (result) =>
      result.archived.length === 0 ? `Nothing to archive in ${model}` : `Archived ${result.archived.map((a) => `v${a.number}`).join(', ')} of ${model}`,
  });
}
