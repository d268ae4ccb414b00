'use client';

import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { toast } from 'sonner';
import { toastError } from './error-toast';

interface AdminMutationOptions<TVars, TData> {
  mutationFn: (vars: TVars) => Promise<TData>;
  /** What the change makes stale; refetched whether it worked or not (a 409 means the list moved on). */
  invalidates: (vars: TVars) => QueryKey[];
  /** The toast on success; null for none (a dialog that shows the result itself). */
  success: (data: TData, vars: TVars) => string | null;
}

/** An admin change: the server's message on failure as a toast, the lists it touched refetched after. */
export function useAdminMutation<TVars, TData>({ mutationFn, invalidates, success }: AdminMutationOptions<TVars, TData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (data, vars) => {
      const message = success(data, vars);
      if (message) toast.success(message);
    },
    onError: toastError,
    onSettled: (_data, _error, vars) => Promise.all(invalidates(vars).map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
