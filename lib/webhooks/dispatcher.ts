import { db } from '@/lib/db/prisma';
import { renderMlflowDelivery } from '@/lib/mlflow/webhooks/delivery';
import { postWebhook } from './send';
import { sign } from './signature';
import { chatRequest } from './chat';

const BATCH = 10;
/**
 * A claimed delivery is someone's for this long; if that process dies mid-send, another retries it.
 * Longer than the send timeout, so a slow but live sender is never overtaken. Tunable for tests.
 */
const LEASE_SECONDS = Math.max(Number(process.env.MODELGATE_WEBHOOK_LEASE_SECONDS ?? 60) || 60, 1);
const MAX_ATTEMPTS = 8;
// A send gives up well inside its lease, so a slow receiver never gets the same delivery from two senders.
const TIMEOUT_MS = Math.min(10_000, (LEASE_SECONDS * 1000) / 2);

interface Claimed {
  id: bigint;
  delivery_id: string;
  event_type: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
  format: string;
}

export interface OutgoingRequest {
  headers: Record<string, string>;
  body: string;
}

/** The request for one delivery in its hook's format: Modelgate's own, or MLflow's (hooks made through its API). */
function requestFor(item: Claimed): OutgoingRequest | null {
  if (item.format === 'mlflow') return renderMlflowDelivery({ deliveryId: item.delivery_id, eventType: item.event_type, payload: item.payload, secret: item.secret });
  if (item.format === 'chat') return chatRequest(item.payload);
  const body = JSON.stringify({ id: item.delivery_id, ...(item.payload as object) });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Modelgate-Webhooks/1',
      'x-modelgate-event': item.event_type,
      'x-modelgate-delivery': item.delivery_id,
      'x-modelgate-signature': sign(item.secret, body),
    },
  };
}

/**
 * One POST to a webhook receiver: its status, the start of its answer, or why it failed. Every send
 * (deliveries, and MLflow's "test webhook") goes through here.
 */
export async function sendWebhookRequest(
  url: string,
  request: OutgoingRequest,
  options: { send?: typeof fetch; readResponse?: boolean } = {},
): Promise<{ status: number | null; responseText: string | null; error: string | null }> {
  try {
    // `send` is a test seam only; every real send goes through postWebhook's destination checks.
    const response = options.send
      ? await sendWith(options.send, url, request, options.readResponse ?? false)
      : await postWebhook({ url, headers: request.headers, body: request.body, timeoutMs: TIMEOUT_MS, readLimit: options.readResponse ? 10_000 : 0 });
    const { status } = response;
    const error = status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed; give the final URL` : status < 200 || status >= 300 ? `HTTP ${status}` : null;
    return { status, responseText: options.readResponse ? response.text : null, error };
  } catch (caught) {
    return { status: null, responseText: null, error: caught instanceof Error ? caught.message : String(caught) };
  }
}

async function sendWith(send: typeof fetch, url: string, request: OutgoingRequest, read: boolean): Promise<{ status: number; text: string }> {
  const response = await send(url, { method: 'POST', headers: request.headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = read ? await readAtMost(response, 10_000) : '';
  if (!read) await response.body?.cancel().catch(() => {});
  return { status: response.status, text };
}

/** The first `limit` bytes of a response, as text; the rest is never read (a receiver may answer anything). */
async function readAtMost(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

/** Backoff after the nth failed attempt: 10 s, 20 s, 40 s … capped at one hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(10 * 2 ** (attempt - 1), 3600);
}

/**
 * Delivers due webhook deliveries once: claims a batch with SKIP LOCKED (so any number of app instances
 * can run this at once without sending one delivery twice), POSTs each signed body, and records the
 * outcome. A delivery is retried with backoff until it gets a 2xx or runs out of attempts. Delivery is
 * at least once: a receiver may see a delivery twice after a crash, always with the same delivery id.
 */
export async function deliverDue(options: { fetchImpl?: typeof fetch } = {}): Promise<{ attempted: number; delivered: number }> {
  // A test seam: with fetchImpl the destination checks of postWebhook are not applied.
  const send = options.fetchImpl;
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE webhook_delivery d
    SET status = 'sending', attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
    FROM webhook w
    WHERE d.webhook_id = w.id AND w.active AND d.id IN (
      SELECT id FROM webhook_delivery
      WHERE status IN ('pending', 'retrying', 'sending') AND next_attempt_at <= now()
      ORDER BY id
      LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING d.id, d.delivery_id, d.event_type, d.payload, d.attempts, w.url, w.secret, w.format`;
  const claimedAt = Date.now();
  let delivered = 0;
  for (const item of claimed) {
    if (Date.now() - claimedAt > LEASE_SECONDS * 1000 - TIMEOUT_MS) {
      // Too little of the lease is left to send this one safely: hand it back unsent, attempt not counted.
      await db.webhookDelivery.update({ where: { id: item.id }, data: { status: 'pending', attempts: { decrement: 1 }, nextAttemptAt: new Date() } });
      continue;
    }
    const request = requestFor(item);
    const { status, error } = request ? await sendWebhookRequest(item.url, request, send ? { send } : {}) : { status: null, error: `no ${item.format} rendering for ${item.event_type}` };
    if (!error) {
      delivered += 1;
      await db.webhookDelivery.update({ where: { id: item.id }, data: { status: 'delivered', deliveredAt: new Date(), lastStatusCode: status, lastError: null } });
    } else {
      const giveUp = item.attempts >= MAX_ATTEMPTS;
      await db.webhookDelivery.update({
        where: { id: item.id },
        data: {
          status: giveUp ? 'failed' : 'retrying',
          lastStatusCode: status,
          lastError: error.slice(0, 500),
          nextAttemptAt: new Date(Date.now() + backoffSeconds(item.attempts) * 1000),
        },
      });
    }
  }
  return { attempted: claimed.length, delivered };
}
