import { describe, expect, it } from 'vitest';
import { MlflowError } from './errors';
import { toRegistration } from './tags';

const base = { name: 'fraud', source: 'models:/m-1' };

describe('an MLflow create-model-version as a registration', () => {
  it('fills what the Production gates read from well-known tags, with MLflow calls only', () => {
    const card = '## Intended use\nScoring.';
    const registration = toRegistration({
      ...base,
      runId: 'run-1',
      modelId: 'm-1',
      tags: [
        { key: 'artifact_digest', value: `sha256:${'a'.repeat(64)}` },
        { key: 'training_data_hash', value: 'sha256:data' },
        { key: 'mlflow.source.git.commit', value: 'c0ffee1' },
        { key: 'model_card', value: card },
        { key: 'metric.auc', value: '0.91' },
        { key: 'metric.auc', value: '0.93' },
        { key: 'metric.note', value: 'not a number' },
        { key: 'metric.empty', value: '' },
      ],
    });
    expect(registration).toMatchObject({
      artifactUri: 'models:/m-1',
      artifactDigest: `sha256:${'a'.repeat(64)}`,
      trainingDataHash: 'sha256:data',
      codeCommit: 'c0ffee1',
      modelCard: card,
      metrics: [{ key: 'auc', value: 0.93 }],
      dataVersion: 'unknown',
    });
    expect(registration.tags).toMatchObject({ 'mlflow.run_id': 'run-1', 'mlflow.model_id': 'm-1', model_card: card, 'metric.note': 'not a number' });
  });

  it('keeps model_id and run fields out of the client’s reach', () => {
    for (const key of ['mlflow.model_id', 'mlflow.run_id', 'mlflow.run_link']) {
      expect(() => toRegistration({ ...base, tags: [{ key, value: 'x' }] })).toThrow(MlflowError);
    }
  });
});

describe('release-desk tags at registration', () => {
  it('reads model_size_bytes, environment, changelog and migration_notes', async () => {
    const { toRegistration, environmentFromTag } = await import('./tags');
    const tags = [
      { key: 'model_size_bytes', value: '52000000' },
      { key: 'environment', value: '{"python": "3.11", "cuda": 12.1}' },
      { key: 'changelog', value: '- faster' },
      { key: 'migration_notes', value: 'none' },
    ];
    expect(toRegistration({ name: 'm', source: 's3://x', tags })).toMatchObject({ modelSizeBytes: 52_000_000, environment: { python: '3.11', cuda: '12.1' }, changelog: '- faster', migrationNotes: 'none' });
    expect(environmentFromTag('python=3.11; cuda=12.1')).toEqual({ python: '3.11', cuda: '12.1' });
    expect(() => toRegistration({ name: 'm', source: 's3://x', tags: [{ key: 'model_size_bytes', value: 'big' }] })).toThrow(/whole number/);
    expect(() => environmentFromTag('{nope')).toThrow(/not valid JSON/);
  });
});
