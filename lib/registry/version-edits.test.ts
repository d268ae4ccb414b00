import { describe, expect, it } from 'vitest';
import { assertEditableKeys, versionEdits } from './version-edits';
import { evaluateGates, formatBytes } from './gates';
import { ZPolicy } from './policy';
import { diffParameters } from './compare-params';

const current = { description: 'd', modelCard: 'c', changelog: '', migrationNotes: '' };

describe('what may change about a registered version', () => {
  it('lists only the fields an edit really changes, each with before and after', () => {
    expect(versionEdits(current, { description: 'd', modelCard: 'c2', changelog: '- x' })).toEqual([
      { field: 'modelCard', before: 'c', after: 'c2' },
      { field: 'changelog', before: '', after: '- x' },
    ]);
    expect(versionEdits(current, {})).toEqual([]);
  });

  it('refuses immutable fields with IMMUTABLE and unknown ones with INVALID_ARGUMENT', () => {
    expect(() => assertEditableKeys(['description', 'artifactDigest'])).toThrow(expect.objectContaining({ code: 'IMMUTABLE', details: expect.objectContaining({ fields: ['artifactDigest'] }) }));
    for (const field of ['metrics', 'parents', 'features', 'modelSizeBytes', 'environment', 'artifactUri']) expect(() => assertEditableKeys([field]), field).toThrow(expect.objectContaining({ code: 'IMMUTABLE' }));
    expect(() => assertEditableKeys(['colour'])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => assertEditableKeys(['description', 'modelCard', 'changelog', 'migrationNotes'])).not.toThrow();
  });

  it('refuses text over the limit', () => {
    expect(() => versionEdits(current, { description: 'x'.repeat(10_001) })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('the model-size gate', () => {
  const context = (modelSizeBytes: number | null) => ({
    candidate: { metrics: [], metadata: { artifactDigest: null, trainingDataHash: null, codeCommit: null }, modelCard: '', modelSizeBytes },
    baseline: null,
    directions: {},
    primaryMetric: null,
  });
  const gates = ZPolicy.parse({ production: [{ kind: 'model-size', maxBytes: 250_000_000 }] }).production;

  it('passes at the limit, fails above it or when the size is unknown', () => {
    expect(evaluateGates(gates, context(250_000_000))[0]).toMatchObject({ passed: true, label: 'Model size ≤ 250 MB' });
    expect(evaluateGates(gates, context(250_000_001))[0]).toMatchObject({ passed: false, checks: [{ candidate: 250_000_001, required: 250_000_000 }] });
    expect(evaluateGates(gates, context(null))[0]).toMatchObject({ passed: false });
  });

  it('is a valid policy only with a positive whole number of bytes', () => {
    expect(ZPolicy.safeParse({ production: [{ kind: 'model-size', maxBytes: 0 }] }).success).toBe(false);
    expect(ZPolicy.safeParse({ production: [{ kind: 'model-size', maxBytes: 1.5 }] }).success).toBe(false);
  });

  it('formats sizes in decimal units', () => {
    expect([999, 1500, 52_000_000, 3_200_000_000].map(formatBytes)).toEqual(['999 B', '1.5 kB', '52 MB', '3.2 GB']);
  });
});

describe('compare shows size and environment', () => {
  it('adds a model size row and an environment section', () => {
    const base = { semver: '1.0.0', framework: null, dataVersion: 'd', trainingDataSource: null, trainingDataHash: null, codeCommit: null, artifactDigest: null, hyperparameters: {}, features: [] };
    const rows = diffParameters([
      { ...base, modelSizeBytes: 1_000_000, environment: { python: '3.11' } },
      { ...base, modelSizeBytes: 2_000_000, environment: { python: '3.12', cuda: '12.1' } },
    ]);
    expect(rows.find((r) => r.key === 'model size')).toMatchObject({ values: ['1 MB', '2 MB'], differs: true });
    expect(rows.filter((r) => r.section === 'environment').map((r) => [r.key, r.values])).toEqual([
      ['cuda', [null, '12.1']],
      ['python', ['3.11', '3.12']],
    ]);
  });
});
