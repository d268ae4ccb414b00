import http from 'node:http';
import https from 'node:https';
import { assertLiteralHostAllowed, guardedLookup } from './destination';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/**
 * POSTs one webhook body and answers the receiver's status. Connections go only to allowed addresses (see
 * destination.ts), checked on the addresses resolved for this very connection. Redirects are not followed:
 * a 3xx is the receiver's answer, recorded as a failure, so a receiver cannot bounce the request (and its
 * signature) to an address the check would refuse. The response body is not read.
 */
export function postWebhook(request: WebhookRequest): Promise<{ status: number }> {
  const url = new URL(request.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new Error(`Webhooks are sent over http(s) only, not ${url.protocol}`));
  try {
    assertLiteralHostAllowed(url);
  } catch (error) {
    return Promise.reject(error);
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        lookup: guardedLookup,
        // One connection per delivery, never a pooled one that another lookup validated.
        agent: false,
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0 });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
