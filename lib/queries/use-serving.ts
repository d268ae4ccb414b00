'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { toastError } from './error-toast';
import { boardKeys, versionKeys } from './keys';
import { sendJson } from './send-json';

const modelUrl = (model: string) => `/api/v1/models/${encodeURIComponent(model)}`;

/** Changes to what serves a model (the split, redirects from former names), through the public API. */
function useServingMutation<T>(model: string, mutationFn: (input: T) => Promise<unknown>, success: (input: T) => string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn,
    onSuccess: (_data, input) => toast.success(success(input)),
    onError: toastError,
    onSettled: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: boardKeys.detail(model) }), queryClient.invalidateQueries({ queryKey: versionKeys.model(model) })]);
      router.refresh();
    },
  });
}

/** Sets the split to `routes` (weights sum to 100); a canary left out ends. */
export function useSetTraffic(model: string) {
  return useServingMutation(
    model,
    (input: { routes: { version: number; weight: number }[]; ended?: number }) => sendJson('PUT', `${modelUrl(model)}/traffic`, { routes: input.routes }),
    (input) => (input.ended ? `Canary v${input.ended} ended — its traffic went back to Production` : 'Traffic split saved'),
  );
}

export function useRemoveRedirect(model: string) {
  return useServingMutation(
    model,
    (oldName: string) => sendJson('DELETE', `${modelUrl(model)}/redirects/${encodeURIComponent(oldName)}`),
    (oldName) => `"${oldName}" no longer resolves to ${model}`,
  );
}
