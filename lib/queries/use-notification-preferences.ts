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

/**
 * Saves all four switches. Saves run one after another (one mutation scope), each with the switches as they
 * were when it was made, so quick toggles reach the server in order and the last one wins. The page moves
 * its switches at once and moves them back when a save is refused.
 */
export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  const key = settingsKeys.notifications();
  return useMutation({
    mutationKey: key,
    scope: { id: 'notification-preferences' },
    mutationFn: (preferences: NotificationPreferences) => sendJson<NotificationSettings>('PUT', URL, preferences),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      toast.success('Notification settings saved');
    },
    onError: toastError,
  });
}
