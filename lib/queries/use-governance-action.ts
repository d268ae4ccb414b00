'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import type { BoardData } from '@/lib/db/queries/board';
import { toastError } from './error-toast';
import { actionRequest, optimisticBoard, SUCCESS_MESSAGES, type GovernanceAction } from './governance';
import { boardKeys, requestKeys, versionKeys } from './keys';
import { postJson } from './send-json';

/**
 * Runs a governance action with an optimistic board: the card moves at once, moves back if the server
 * refuses, and the board is refetched either way (a 409 means someone else acted: the refetch shows what).
 */
export function useGovernanceAction(model: string, userId: string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (action: GovernanceAction) => {
      const { url, body } = actionRequest(model, action);
      return postJson<unknown>(url, body);
    },
    onMutate: async (action) => {
      await queryClient.cancelQueries({ queryKey: boardKeys.detail(model) });
      const previous = queryClient.getQueryData<BoardData>(boardKeys.detail(model));
      if (previous) queryClient.setQueryData(boardKeys.detail(model), optimisticBoard(previous, action, userId));
      return { previous };
    },
    onError: (error, _action, context) => {
      if (context?.previous) queryClient.setQueryData(boardKeys.detail(model), context.previous);
      toastError(error);
    },
    onSuccess: (_data, action) => {
      toast.success(SUCCESS_MESSAGES[action.kind]);
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: boardKeys.detail(model) }),
        queryClient.invalidateQueries({ queryKey: versionKeys.model(model) }),
        queryClient.invalidateQueries({ queryKey: requestKeys.all }),
      ]);
      router.refresh();
    },
  });
}
