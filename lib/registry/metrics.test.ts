import { describe, expect, it } from 'vitest';
import { formatDelta, guessDirection, metricDelta } from './metrics';
import { formatMetric } from './numbers';

describe('metricDelta', () => {
  it('calls a higher value better for higher-is-better metrics', () => {
    expect(metricDelta(0.95, 0.9, 'higher')).toMatchObject({ better: true });
    expect(metricDelta(0.85, 0.9, 'higher')).toMatchObject({ better: false });
  });

  it('calls a lower value better for lower-is-better metrics', () => {
    const delta = metricDelta(90, 120, 'lower');
    expect(delta.better).toBe(true);
    expect(delta.absolute).toBe(-30);
    expect(delta.relative).toBeCloseTo(-0.25);
  });

  it('is neutral on equal values, and unknown when a side is missing or not finite', () => {
    expect(metricDelta(1, 1, 'higher')).toEqual({ absolute: 0, relative: 0, better: null });
    expect(metricDelta(null, 1, 'higher')).toEqual({ absolute: null, relative: null, better: null });
    expect(metricDelta(Number.NaN, 1, 'higher').better).toBeNull();
  });

  it('has no relative change against a zero baseline', () => {
    expect(metricDelta(0.1, 0, 'higher')).toMatchObject({ absolute: 0.1, relative: null, better: true });
  });
});

describe('formatting', () => {
  it('formats values compactly and deltas with a sign', () => {
    expect(formatMetric(0.93123)).toBe('0.9312');
    expect(formatMetric(118.44)).toBe('118.4');
    expect(formatMetric(41000)).toBe('41,000');
    expect(formatMetric(null)).toBe('—');
    expect(formatDelta(metricDelta(0.95, 0.9, 'higher'))).toBe('+0.05');
    expect(formatDelta(metricDelta(80, 95, 'lower'))).toBe('−15');
  });
});

describe('guessDirection', () => {
  it.each([['rmse', 'lower'], ['latency_p95_ms', 'lower'], ['logloss', 'lower'], ['auc', 'higher'], ['f1', 'higher'], ['r2', 'higher']] as const)('%s is %s-is-better', (key, direction) => {
    expect(guessDirection(key)).toBe(direction);
  });
});
