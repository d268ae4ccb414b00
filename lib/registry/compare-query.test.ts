import { describe, expect, it } from 'vitest';
import { compareHref, ZCompareVersions } from './compare-query';

const parse = (raw: unknown) => ZCompareVersions.safeParse(raw);
const message = (raw: unknown) => parse(raw).error?.issues[0]?.message;

describe('ZCompareVersions', () => {
  it('reads 2 to 10 distinct version numbers', () => {
    expect(parse('12,15,17').data).toEqual([12, 15, 17]);
    expect(parse(' 3 , 4 ,').data).toEqual([3, 4]);
  });

  it('refuses too few, too many, repeats and anything that is not a version number, saying why', () => {
    expect(message('12')).toMatch(/at least 2/);
    expect(message(Array.from({ length: 11 }, (_, i) => i + 1).join(','))).toMatch(/at most 10/);
    expect(message('12,12')).toBe('v12 is listed more than once.');
    expect(message('12,abc')).toMatch(/whole numbers/);
    expect(message('0,1')).toMatch(/whole numbers/);
    expect(message('1.5,2')).toMatch(/whole numbers/);
    expect(message(undefined)).toMatch(/Choose 2 to 10/);
  });
});

describe('compareHref', () => {
  it('sorts the numbers so one selection has one link', () => {
    expect(compareHref('fraud-detector', [17, 12, 15])).toBe('/models/fraud-detector/compare?v=12,15,17');
  });
});
