import { randomUUID } from 'node:crypto';

// A caller's own request id is kept when it looks like one (a proxy's or a client's), so one id follows a
// request through every hop; anything else (too long, odd characters that could forge log lines) is replaced.
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given && ACCEPTED.test(given) ? given : randomUUID();
}
