'use client';

import { useQuery } from '@tanstack/react-query';
import type { GateResult } from '@/lib/registry/gates';
import { getJson } from './api-error';
import { gateKeys } from './keys';

export interface GatePreview {
  results: GateResult[];
  requiredApprovals: number;
  baseline: { id: string; number: number } | null;
}

/** The gates a version would face for `target`, evaluated by the server now; fetched only while `enabled`. */
export function useGatePreview(model: string, number: number, target: 'staging' | 'production', enabled: boolean) {
  return useQuery({
    queryKey: gateKeys.preview(model, number, target),
    queryFn: ({ signal }) => getJson<GatePreview>(`/api/models/${encodeURIComponent(model)}/versions/${number}/gates?target=${target}`, signal),
    enabled,
    staleTime: 0,
  });
}
