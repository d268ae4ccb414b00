import { createHmac, timingSafeEqual } from 'node:crypto';

/** `X-Modelgate-Signature: sha256=<hex HMAC-SHA256 of the raw body with the hook's secret>`. */
export function sign(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verify(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
