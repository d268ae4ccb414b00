import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatValue } from './numbers';

describe('formatNumber', () => {
  it('rounds binary float noise off and leaves every meant digit', () => {
    expect(formatNumber(0.09000000000000001)).toBe('0.09');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(0.123456789)).toBe('0.123456789');
    expect(formatNumber(300)).toBe('300');
    expect(formatNumber(-2.5e-7)).toBe('-2.5e-7');
    expect(formatNumber(1e21)).toBe('1e+21');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });
});

describe('formatValue', () => {
  it('shows strings bare, numbers cleaned, and JSON with its numbers cleaned', () => {
    expect(formatValue('gbdt')).toBe('gbdt');
    expect(formatValue(0.09000000000000001)).toBe('0.09');
    expect(formatValue({ eta: 0.09000000000000001, depth: [3, 0.30000000000000004] })).toBe('{"eta":0.09,"depth":[3,0.3]}');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(null)).toBeNull();
    expect(formatValue(undefined)).toBeNull();
  });
});

describe('formatPercent', () => {
  it('one decimal under 10 %, whole numbers above, signed for changes', () => {
    expect(formatPercent(0.0134)).toBe('1.3%');
    expect(formatPercent(0.256)).toBe('26%');
    expect(formatPercent(0.0134, { signed: true })).toBe('+1.3%');
    expect(formatPercent(-0.256, { signed: true })).toBe('−26%');
  });
});
