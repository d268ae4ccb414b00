import { MlflowError } from '../errors';
import { parseMlflowEvent, type MlflowEvent } from './events';

const invalid = (message: string) => new MlflowError('INVALID_PARAMETER_VALUE', message);

export function parseEvents(raw: unknown): MlflowEvent[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw invalid(`Invalid value ${JSON.stringify(raw)} for parameter 'events' supplied. See the API docs for more information about request parameters.`);
  return raw.map(parseMlflowEvent);
}

/** WebhookStatus by name (any case) or number: ACTIVE = 1, DISABLED = 2. Absent: unchanged (or ACTIVE on create). */
export function parseStatus(raw: unknown): boolean | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const name = typeof raw === 'number' ? ({ 1: 'ACTIVE', 2: 'DISABLED' } as Record<number, string>)[raw] : typeof raw === 'string' ? raw.trim().toUpperCase() : undefined;
  if (name === 'ACTIVE') return false;
  if (name === 'DISABLED') return true;
  throw invalid(`Invalid webhook status ${JSON.stringify(raw)}. Valid values are ACTIVE, DISABLED.`);
}

/** Page tokens: base64 of the last hook's (creation time, id), the keyset the list is ordered by. */
export function encodeWebhookPageToken(hook: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ c: hook.createdAt.getTime(), i: hook.id })).toString('base64');
}

export function decodeWebhookPageToken(token: string): { createdAt: Date; id: string } {
  try {
    const { c, i } = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { c?: unknown; i?: unknown };
    if (typeof c === 'number' && Number.isFinite(c) && typeof i === 'string') return { createdAt: new Date(c), id: i };
  } catch {
    // fall through
  }
  throw invalid('Invalid page token, could not be decoded');
}
