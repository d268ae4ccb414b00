'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEventView } from '@/lib/db/queries/audit';
import { getJson } from './api-error';
import { auditKeys } from './keys';

export interface AuditPage {
  events: AuditEventView[];
  nextBefore: string | null;
}

/** The audit timeline for these filters, 50 events a page by keyset (`before` = last id seen). */
export function useAuditEvents(filters: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ ...filters, limit: '50' });
      if (pageParam) params.set('before', pageParam);
      return getJson<AuditPage>(`/api/v1/audit?${params}`, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
  });
}
