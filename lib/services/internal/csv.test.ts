import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvRecord } from './csv';

// The audit export's CSV must stay byte for byte what csv-stringify wrote before it was replaced.
const reference = (values: unknown[]) => stringify([values], { cast: { boolean: (v) => String(v) } });

describe('csvRecord', () => {
  it('writes what csv-stringify writes for the values an export holds', () => {
    const tricky = fc.constantFrom('', ' ', ',', '"', '""', '\n', '\r', '\r\n', 'a,b', 'say "hi"', '=1+2', '-3', '{"a":1}', 'é', '\u2028', '\t', 'null');
    const field = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), tricky, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 19 }), (values) => {
        expect(csvRecord(values)).toBe(reference(values));
      }),
      { numRuns: 2_000 },
    );
  });

  it('quotes fields with delimiters, quotes and line breaks, and nothing else', () => {
    expect(csvRecord(['plain', 'a,b', 'say "hi"', 'two\nlines', '', null, 7, false])).toBe('plain,"a,b","say ""hi""","two\nlines",,,7,false\n');
  });
});
