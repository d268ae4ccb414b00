'use client';

import { useQuery } from '@tanstack/react-query';
import type { Role } from '@/lib/registry';
import type { AdminToken } from '@/lib/db/queries/admin';
import { getJson } from './api-error';
import { adminKeys } from './keys';
import { sendJson } from './send-json';
import { useAdminMutation } from './use-admin-mutation';

export interface NewTokenInput {
  name: string;
  kind: 'standard' | 'serving';
  /** Standard tokens only. */
  role?: Role;
  /** Owned by this service account (created on first use); absent: by you. */
  serviceAccount?: string;
  model?: string;
  expiresInDays?: number | 'never';
}

export interface CreatedToken {
  /** The secret: in this answer only, never again. */
  token: string;
  record: { id: string; name: string; prefix: string; role: Role; kind: 'standard' | 'serving'; expiresAt: string | null; createdAt: string };
}

export function useAdminTokens(initialData: AdminToken[]) {
  return useQuery({
    queryKey: adminKeys.tokens(),
    queryFn: ({ signal }) => getJson<{ tokens: AdminToken[] }>('/api/admin/tokens', signal).then((r) => r.tokens),
    initialData,
  });
}

const tokens = () => [adminKeys.tokens()];

export function useCreateToken() {
  return useAdminMutation({
    mutationFn: (input: NewTokenInput) => sendJson<CreatedToken>('POST', '/api/admin/tokens', input),
    invalidates: tokens,
    // The dialog shows the secret; a toast would only compete with it.
    success: () => null,
  });
}

export function useRevokeToken() {
  return useAdminMutation({
    mutationFn: (token: { id: string; name: string }) => sendJson<unknown>('DELETE', `/api/admin/tokens/${encodeURIComponent(token.id)}`),
    invalidates: tokens,
    success: (_data, token) => `Token “${token.name}” revoked`,
  });
}
