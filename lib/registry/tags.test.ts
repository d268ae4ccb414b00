import { describe, expect, it } from 'vitest';
import { reservedVersionTagReason } from './tags';

describe('reserved version tags', () => {
  it('refuses failed everywhere, mlflow.* outside the MLflow API', () => {
    expect(reservedVersionTagReason('failed', { viaMlflow: false })).toMatch(/rollbacks only/);
    expect(reservedVersionTagReason('failed', { viaMlflow: true })).toMatch(/rollbacks only/);
    expect(reservedVersionTagReason('mlflow.source.git.commit', { viaMlflow: false })).toMatch(/MLflow/);
    expect(reservedVersionTagReason('mlflow.source.git.commit', { viaMlflow: true })).toBeNull();
    expect(reservedVersionTagReason('team', { viaMlflow: false })).toBeNull();
    expect(reservedVersionTagReason('mlflowish', { viaMlflow: false })).toBeNull();
  });
});
