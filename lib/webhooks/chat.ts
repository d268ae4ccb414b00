import { chatText } from '@/lib/registry';
import { publicBaseUrl } from '@/lib/notifications/public-url';

interface QueuedPayload {
  event?: string;
  actor?: string;
  model?: string | null;
  version?: number | null;
  fromStage?: string | null;
  toStage?: string | null;
  comment?: string | null;
}

/**
 * A chat hook's request: `{ "text": "…" }`, which Slack's and Microsoft Teams' incoming webhooks accept
 * as a message. Not signed: those receivers do not check signatures (their URL is the secret).
 */
export function chatRequest(payload: unknown): { headers: Record<string, string>; body: string } {
  const p = (payload ?? {}) as QueuedPayload;
  const event = { event: p.event ?? 'event', actor: p.actor ?? 'someone', model: p.model ?? null, version: p.version ?? null, fromStage: p.fromStage ?? null, toStage: p.toStage ?? null, comment: p.comment ?? null };
  const text = chatText(event, publicBaseUrl());
  return { body: JSON.stringify({ text }), headers: { 'content-type': 'application/json', 'user-agent': 'Modelgate-Webhooks/1' } };
}
