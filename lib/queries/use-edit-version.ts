'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import type { EditableVersionField } from '@/lib/registry';
import { boardKeys, cardKeys, gateKeys, requestKeys } from './keys';
import { sendJson } from './send-json';

const versionUrl = (model: string, number: number) => `/api/v1/models/${encodeURIComponent(model)}/versions/${number}`;

interface Edited {
  changed: EditableVersionField[];
  cardRevision: number;
}

/**
 * PATCHes a version's documentation through REST v1. A card edit changes what the card gate sees, so the
 * board, the gate previews and the approvals inbox are refetched, and the server-rendered page refreshed.
 */
export function useEditVersion(model: string, number: number) {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (edit: Partial<Record<EditableVersionField, string>> & { baseCardRevision?: number }) => sendJson<Edited>('PATCH', versionUrl(model, number), edit),
    onSuccess: async (result) => {
      toast.success(result.changed.length === 0 ? 'Nothing changed' : `Saved ${result.changed.length === 1 ? 'the edit' : `${result.changed.length} edits`}`, {
        description: result.changed.includes('modelCard') ? `Model card revision ${result.cardRevision}; its gate was re-run.` : undefined,
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: cardKeys.revisions(model, number) }),
        client.invalidateQueries({ queryKey: gateKeys.model(model) }),
        client.invalidateQueries({ queryKey: boardKeys.detail(model) }),
        client.invalidateQueries({ queryKey: requestKeys.all }),
      ]);
      router.refresh();
    },
    onError: (error) => toast.error('Could not save', { description: error instanceof Error ? error.message : String(error) }),
  });
}

/** Sets (value given) or removes (null) one version tag. */
export function useVersionTag(model: string, number: number) {
  const router = useRouter();
  return useMutation({
    mutationFn: ({ key, value }: { key: string; value: string | null }) =>
      value === null ? sendJson('DELETE', `${versionUrl(model, number)}/tags/${encodeURIComponent(key)}`) : sendJson('PUT', `${versionUrl(model, number)}/tags/${encodeURIComponent(key)}`, { value }),
    onSuccess: (_result, { key, value }) => {
      toast.success(value === null ? `Removed tag ${key}` : `Tagged ${key}${value ? `=${value}` : ''}`);
      router.refresh();
    },
    onError: (error) => toast.error('Could not change the tag', { description: error instanceof Error ? error.message : String(error) }),
  });
}

/** Points (version given) or removes (null) an alias; protected ones need approver rights, the server says. */
export function useVersionAlias(model: string) {
  const router = useRouter();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ alias, version }: { alias: string; version: number | null }) =>
      version === null
        ? sendJson('DELETE', `/api/v1/models/${encodeURIComponent(model)}/aliases/${encodeURIComponent(alias)}`)
        : sendJson('PUT', `/api/v1/models/${encodeURIComponent(model)}/aliases/${encodeURIComponent(alias)}`, { version }),
    onSuccess: async (_result, { alias, version }) => {
      toast.success(version === null ? `Removed @${alias}` : `@${alias} now points at v${version}`);
      await client.invalidateQueries({ queryKey: boardKeys.detail(model) });
      router.refresh();
    },
    onError: (error) => toast.error('Could not change the alias', { description: error instanceof Error ? error.message : String(error) }),
  });
}
