'use client';

import { useQuery } from '@tanstack/react-query';
import type { WebhookEvent, WebhookFormat } from '@/lib/webhooks/events';
import { getJson } from './api-error';
import { getAllPages } from './get-all-pages';
import { adminKeys } from './keys';
import { sendJson } from './send-json';
import { useAdminMutation } from './use-admin-mutation';

export type DeliveryStatus = 'pending' | 'sending' | 'retrying' | 'delivered' | 'failed' | 'cancelled';

export interface AdminWebhook {
  id: string;
  url: string;
  events: string[];
  /** modelgate (signed JSON), chat (a Slack/Teams message) or mlflow (made through MLflow's API). */
  format: string;
  /** False once removed: nothing more is sent, the delivery log stays readable. */
  active: boolean;
  createdAt: string;
  /** The one model it is limited to; null for every model. */
  model: string | null;
  lastDelivery: { status: DeliveryStatus; lastStatusCode: number | null; createdAt: string } | null;
}

export interface WebhookDelivery {
  /** The receiver's idempotency key: every attempt of one delivery carries the same id. */
  deliveryId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string;
}

export interface NewWebhookInput {
  url: string;
  model?: string;
  events: WebhookEvent[];
  format: WebhookFormat;
}

export interface CreatedWebhook {
  id: string;
  url: string;
  events: string[];
  format: WebhookFormat;
  /** The signing secret: in this answer only, never again. */
  secret: string;
}

const IN_FLIGHT: ReadonlySet<DeliveryStatus> = new Set(['pending', 'sending', 'retrying']);
// The server's dispatcher runs every two seconds; polling a little slower still shows each step.
const POLL_MS = 3_000;

const isInFlight = (status: DeliveryStatus) => IN_FLIGHT.has(status);

/** Every webhook, removed ones included, with its latest delivery; polled while one is on its way. */
export function useAdminWebhooks() {
  return useQuery({
    queryKey: adminKeys.webhooks(),
    queryFn: ({ signal }) => getAllPages<'webhooks', AdminWebhook>('/api/admin/webhooks', 'webhooks', signal),
    refetchInterval: (query) => (query.state.data?.some((w) => w.lastDelivery && isInFlight(w.lastDelivery.status)) ? POLL_MS : false),
  });
}

/** One webhook's newest 100 deliveries; fetched when the log is opened and polled until nothing is in flight. */
export function useWebhookDeliveries(webhookId: string) {
  return useQuery({
    queryKey: adminKeys.deliveries(webhookId),
    queryFn: ({ signal }) =>
      getJson<{ deliveries: WebhookDelivery[] }>(`/api/admin/webhooks/${encodeURIComponent(webhookId)}/deliveries`, signal).then((r) => r.deliveries),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.some((d) => isInFlight(d.status)) ? POLL_MS : false),
  });
}

const webhooks = () => [adminKeys.webhooks()];

export function useCreateWebhook() {
  return useAdminMutation({
    mutationFn: (input: NewWebhookInput) => sendJson<CreatedWebhook>('POST', '/api/admin/webhooks', input),
    invalidates: webhooks,
    // The dialog shows the secret; a toast would only compete with it.
    success: () => null,
  });
}

export function useRemoveWebhook() {
  return useAdminMutation({
    mutationFn: (hook: { id: string; url: string }) => sendJson<unknown>('DELETE', `/api/admin/webhooks/${encodeURIComponent(hook.id)}`),
    invalidates: webhooks,
    success: (_data, hook) => `Stopped sending to ${hook.url}`,
  });
}
