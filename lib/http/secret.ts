import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether the request's bearer equals `secret` (compared as hashes, in constant time); never for an unset or short secret. */
export function secretMatches(req: Request, secret: string | undefined): boolean {
  if (!secret || secret.length < 16) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '');
  if (!match) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]!), digest(secret));
}
