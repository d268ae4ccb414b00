import 'server-only';
import { cache } from 'react';
import { getVersionDetail } from '@/lib/db/queries/version';

/** "12" → 12; anything else ("1.5", "1e3", "0x1A", "-3", "007") is not a version number. */
export function parseVersionNumber(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const number = Number(raw);
  return number <= 2_147_483_647 ? number : null;
}

/** The version's record once per request, shared by the layout's existence check and the page; null when absent. */
export const loadVersion = cache(async (modelName: string, rawNumber: string) => {
  const number = parseVersionNumber(rawNumber);
  return number === null ? null : getVersionDetail(modelName, number);
});
