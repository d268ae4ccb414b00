import { MlflowError } from './errors';
import { orderSignature, type SortTerm } from './order-by';

/**
 * Page tokens are opaque to clients: base64 of a keyset cursor (the sort values of the last row sent,
 * with the ordering they belong to). Keyset pages stay correct while rows are added or removed between
 * requests, where MLflow's offsets would skip or repeat rows.
 */
export type CursorValue = string | number;

export function encodePageToken(terms: readonly SortTerm[], values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify({ o: orderSignature(terms), k: values })).toString('base64');
}

const invalid = (message: string) => new MlflowError('INVALID_PARAMETER_VALUE', message);

export function decodePageToken(token: string, terms: readonly SortTerm[]): CursorValue[] {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(token)) throw invalid('Invalid page token, could not base64-decode');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    throw invalid('Invalid page token, could not be decoded');
  }
  const { o, k } = (parsed ?? {}) as { o?: unknown; k?: unknown };
  if (typeof o === 'string' && o !== orderSignature(terms)) throw invalid('Invalid page token: it continues a search with a different order_by.');
  if (!Array.isArray(k) || k.length !== terms.length || typeof o !== 'string') throw invalid('Invalid page token, parsed value is not a page position');
  terms.forEach((term, i) => {
    const expected = term.key === 'name' ? 'string' : 'number';
    if (typeof k[i] !== expected) throw invalid('Invalid page token, parsed value is not a page position');
  });
  return k as CursorValue[];
}
