import { describe, expect, it } from 'vitest';
import { selectedCount, selectionBody } from './selection';

describe('the models page selection sent to the bulk endpoints', () => {
  it('sends the ticked names, or the search itself when every match is selected', () => {
    const ticked = { names: new Set(['a', 'b']), allMatching: false, query: 'fraud', total: 40 };
    expect(selectionBody(ticked)).toEqual({ models: ['a', 'b'] });
    expect(selectedCount(ticked)).toBe(2);
    const all = { ...ticked, allMatching: true };
    expect(selectionBody(all)).toEqual({ filter: { q: 'fraud' } });
    expect(selectedCount(all)).toBe(40);
  });
});
