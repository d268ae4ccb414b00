import { describe, expect, it } from 'vitest';
import { parseOrderBy } from './order-by';
import { decodePageToken, encodePageToken } from './page-token';

describe('parseOrderBy', () => {
  it('orders models by name by default and always ends with name as the tie-breaker', () => {
    expect(parseOrderBy(undefined, 'registered_model')).toEqual([{ key: 'name', ascending: true }]);
    expect(parseOrderBy(['timestamp DESC'], 'registered_model')).toEqual([
      { key: 'last_updated_timestamp', ascending: false },
      { key: 'name', ascending: true },
    ]);
    expect(parseOrderBy(['name desc'], 'registered_model')).toEqual([{ key: 'name', ascending: false }]);
  });

  it("uses MLflow's default version order: last updated first, then name, then newest version", () => {
    expect(parseOrderBy([], 'model_version')).toEqual([
      { key: 'last_updated_timestamp', ascending: false },
      { key: 'name', ascending: true },
      { key: 'version_number', ascending: false },
    ]);
    expect(parseOrderBy(['attribute.version_number ASC'], 'model_version')[0]).toEqual({ key: 'version_number', ascending: true });
  });

  it('refuses unknown keys, bad directions and duplicates', () => {
    expect(() => parseOrderBy(['version_number'], 'registered_model')).toThrow(/Invalid order by key 'version_number'/);
    expect(() => parseOrderBy(['name sideways'], 'registered_model')).toThrow(/Invalid ordering key/);
    expect(() => parseOrderBy(['name', 'name DESC'], 'registered_model')).toThrow(/duplicate fields/);
    expect(() => parseOrderBy(['name ASC extra'], 'model_version')).toThrow(/Could not be parsed/);
  });
});

describe('page tokens', () => {
  const terms = parseOrderBy(['last_updated_timestamp DESC'], 'registered_model');

  it('round-trip a keyset cursor and stay opaque base64', () => {
    const token = encodePageToken(terms, [1_700_000_000_123, 'fraud']);
    expect(token).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(decodePageToken(token, terms)).toEqual([1_700_000_000_123, 'fraud']);
  });

  it('refuse garbage and tokens from a search with another ordering', () => {
    expect(() => decodePageToken('not base64!', terms)).toThrow(/could not base64-decode/);
    expect(() => decodePageToken(Buffer.from('{"offset": 3}').toString('base64'), terms)).toThrow(/not a page position/);
    const other = encodePageToken(parseOrderBy(undefined, 'registered_model'), ['a']);
    expect(() => decodePageToken(other, terms)).toThrow(/different order_by/);
    expect(() => decodePageToken(encodePageToken(terms, ['x', 'y']), terms)).toThrow(/not a page position/);
  });
});
