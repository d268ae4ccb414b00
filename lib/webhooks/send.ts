import http from 'node:http';
import https from 'node:https';
import { assertLiteralHostAllowed, guardedLookup } from './destination';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Read at most this many bytes of the answer (MLflow's "test webhook" shows them); 0: read none. */
  readLimit?: number;
}

/**
 * POSTs one webhook body and answers the receiver's status. Connections go only to allowed addresses (see
 * destination.ts), checked on the addresses resolved for this very connection. Redirects are not followed:
 * a 3xx is the receiver's answer, recorded as a failure, so a receiver cannot bounce the request (and its
 * signature) to an address the check would refuse. At most `readLimit` bytes of the answer are read.
 */
export function postWebhook(request: WebhookRequest): Promise<{ status: number; text: string }> {
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
        const status = response.statusCode ?? 0;
        const limit = request.readLimit ?? 0;
        if (limit <= 0) {
          response.resume();
          return resolve({ status, text: '' });
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => resolve({ status, text: Buffer.concat(chunks).subarray(0, limit).toString('utf8') });
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= limit) {
            response.destroy();
            done();
          }
        });
        response.on('end', done);
        response.on('error', done);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
