import { describe, expect, it } from 'vitest';
import { diffParameters, formatParamValue, type ParamSource } from './compare-params';

const base: ParamSource = {
  semver: '2.0.0',
  framework: 'xgboost 2.1',
  dataVersion: '2026-07-01',
  trainingDataSource: 's3://datalake/payments/transactions@2026-07-01',
  trainingDataHash: 'sha256:aaa',
  codeCommit: 'abc123',
  artifactDigest: null,
  hyperparameters: { max_depth: 6, eta: 0.1, subsample: 0.8 },
  features: [
    { name: 'amount', type: 'float' },
    { name: 'hour_of_day', type: 'float' },
  ],
};

const find = (rows: ReturnType<typeof diffParameters>, section: string, key: string) => rows.find((r) => r.section === section && r.key === key);

describe('diffParameters', () => {
  it('flags only the rows where versions disagree', () => {
    const rows = diffParameters([base, { ...base, semver: '2.1.0', hyperparameters: { ...base.hyperparameters, max_depth: 8 } }]);
    expect(find(rows, 'metadata', 'framework')).toMatchObject({ values: ['xgboost 2.1', 'xgboost 2.1'], differs: false });
    expect(find(rows, 'metadata', 'semver')?.differs).toBe(true);
    expect(find(rows, 'hyperparameters', 'max_depth')).toMatchObject({ values: ['6', '8'], differs: true });
    expect(find(rows, 'hyperparameters', 'eta')?.differs).toBe(false);
  });

  it('counts a value present on one version and missing on another as a difference', () => {
    const rows = diffParameters([base, { ...base, hyperparameters: { ...base.hyperparameters, monotone: true }, features: [...base.features, { name: 'velocity_1h', type: 'float' }] }]);
    expect(find(rows, 'hyperparameters', 'monotone')).toMatchObject({ values: [null, 'true'], differs: true });
    expect(find(rows, 'features', 'velocity_1h')).toMatchObject({ values: [null, 'float'], differs: true });
    expect(find(rows, 'features', 'amount')?.differs).toBe(false);
    expect(find(rows, 'metadata', 'feature count')).toMatchObject({ values: ['2', '3'], differs: true });
  });

  it('treats a missing field on every version as the same, and a changed feature type as a difference', () => {
    const rows = diffParameters([base, { ...base, features: [{ name: 'amount', type: 'int' }, base.features[1]!] }]);
    expect(find(rows, 'metadata', 'artifact digest')).toMatchObject({ values: [null, null], differs: false });
    expect(find(rows, 'features', 'amount')).toMatchObject({ values: ['float', 'int'], differs: true });
  });

  it('does not confuse a number with its string, though both read the same', () => {
    const rows = diffParameters([base, { ...base, hyperparameters: { ...base.hyperparameters, eta: '0.1' } }]);
    expect(find(rows, 'hyperparameters', 'eta')).toMatchObject({ values: ['0.1', '0.1'], differs: true });
    expect(formatParamValue(0.1)).toBe('0.1');
    expect(formatParamValue({ a: [1, 2] })).toBe('{"a":[1,2]}');
  });
});
