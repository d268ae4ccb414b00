'use client';

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import type { CommentJson } from '@/lib/api-v1/schemas/comments';
import { ApiError, getJson } from './api-error';
import { commentKeys } from './keys';
import { sendJson } from './send-json';

interface CommentPage {
  comments: CommentJson[];
  nextCursor: string | null;
}

const base = (model: string, number: number) => `/api/v1/models/${encodeURIComponent(model)}/versions/${number}/comments`;

/** A version's discussion, oldest first, 100 comments a page ("Show more" fetches the next). */
export function useComments(model: string, number: number) {
  return useInfiniteQuery({
    queryKey: commentKeys.version(model, number),
    queryFn: ({ pageParam, signal }) => getJson<CommentPage>(`${base(model, number)}?limit=100${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** People matching what follows "@" in the composer. */
export function useMentionablePeople(model: string, q: string | null) {
  return useQuery({
    queryKey: commentKeys.people(model, q ?? ''),
    queryFn: ({ signal }) => getJson<{ people: { id: string; name: string; email: string }[] }>(`/api/models/${encodeURIComponent(model)}/people?q=${encodeURIComponent(q ?? '')}`, signal),
    enabled: q !== null,
    staleTime: 60_000,
  });
}

type CommentChange = { kind: 'add'; body: string } | { kind: 'edit'; id: string; body: string } | { kind: 'withdraw'; id: string; reason?: string };

const DONE: Record<CommentChange['kind'], string> = { add: 'Comment posted', edit: 'Comment updated', withdraw: 'Comment withdrawn' };

/** Posts, edits or withdraws a comment, then refreshes the thread; refusals become a toast with the server's reason. */
export function useCommentChange(model: string, number: number) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (change: CommentChange) => {
      if (change.kind === 'add') return sendJson<CommentJson>('POST', base(model, number), { body: change.body });
      if (change.kind === 'edit') return sendJson<CommentJson>('PATCH', `${base(model, number)}/${encodeURIComponent(change.id)}`, { body: change.body });
      return sendJson<CommentJson>('DELETE', `${base(model, number)}/${encodeURIComponent(change.id)}`, change.reason ? { reason: change.reason } : {});
    },
    onSuccess: (_comment, change) => toast.success(DONE[change.kind]),
    onError: (error) => toast.error('Not saved', { description: error instanceof ApiError ? error.message : 'Something went wrong.' }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: commentKeys.version(model, number) });
      // The version's activity beside the thread is rendered on the server.
      router.refresh();
    },
  });
}
