'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { NotificationPreferences } from '@/lib/registry/notifications';
import { getJson } from './api-error';
import { toastError } from './error-toast';
import { settingsKeys } from './keys';
import { sendJson } from './send-json';

export interface NotificationSettings {
  preferences: NotificationPreferences;
  updatedAt: string | null;
  mail: { enabled: boolean };
}

const URL = '/api/v1/me/notification-preferences';

/** The signed-in person's choices, starting from what the page was rendered with. */
export function useNotificationSettings(initial: NotificationSettings) {
  return useQuery({ queryKey: settingsKeys.notifications(), queryFn: ({ signal }) => getJson<NotificationSettings>(URL, signal), initialData: initial, staleTime: 30_000 });
}

/** Saves all four switches; the switch moves at once and moves back if the server refuses. */
export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  const key = settingsKeys.notifications();
  return useMutation({
    mutationFn: (preferences: NotificationPreferences) => sendJson<NotificationSettings>('PUT', URL, preferences),
    onMutate: async (preferences) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<NotificationSettings>(key);
      if (before) queryClient.setQueryData<NotificationSettings>(key, { ...before, preferences });
      return { before };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      toast.success('Notification settings saved');
    },
    onError: (error, _preferences, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      toastError(error);
    },
  });
}
