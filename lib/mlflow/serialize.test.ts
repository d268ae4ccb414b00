import { describe, expect, it } from 'vitest';
import { RegistryError } from '@/lib/registry';
import { z } from 'zod';
import { MlflowError, toMlflowError } from './errors';
import { modelVersionJson, registeredModelJson, type VersionRecord } from './serialize';
import { fromMlflowStage, parseMlflowStage, toMlflowStage } from './stages';
import { decodeModelTags, toRegistration } from './tags';

const at = (ms: number) => new Date(ms);
const version = (overrides: Partial<VersionRecord> = {}): VersionRecord => ({
  number: 3,
  createdAt: at(1000),
  stageChangedAt: at(2000),
  stage: 'testing',
  description: '',
  artifactUri: 's3://b/m/3',
  createdBy: { email: 'ds@example.com' },
  model: { name: 'fraud' },
  tags: [],
  aliases: [],
  ...overrides,
});

describe('stages', () => {
  it('maps Testing to None and back, case-insensitively', () => {
    expect(toMlflowStage('testing')).toBe('None');
    expect(fromMlflowStage(parseMlflowStage('none'))).toBe('testing');
    expect(fromMlflowStage(parseMlflowStage('PRODUCTION'))).toBe('production');
    expect(() => parseMlflowStage('live')).toThrow(/Invalid Model Version stage: live/);
  });
});

describe('modelVersionJson', () => {
  it('writes a ModelVersion message: string version, ms timestamps, READY, empty lists left out', () => {
    expect(modelVersionJson(version())).toEqual({
      name: 'fraud',
      version: '3',
      creation_timestamp: 1000,
      last_updated_timestamp: 2000,
      user_id: 'ds@example.com',
      current_stage: 'None',
      description: '',
      source: 's3://b/m/3',
      run_id: '',
      status: 'READY',
      run_link: '',
    });
  });

  it('shows run_id and run_link as fields, not tags, and lists aliases by name', () => {
    const json = modelVersionJson(version({
      stage: 'production',
      tags: [{ key: 'mlflow.run_id', value: 'r1' }, { key: 'mlflow.run_link', value: 'http://x' }, { key: 'team', value: 'risk' }],
      aliases: [{ alias: 'champion' }],
    }));
    expect(json).toMatchObject({ current_stage: 'Production', run_id: 'r1', run_link: 'http://x', tags: [{ key: 'team', value: 'risk' }], aliases: ['champion'] });
  });
});

describe('registeredModelJson', () => {
  it('orders latest_versions by stage, decodes key=value tags and stringifies alias versions', () => {
    const json = registeredModelJson({
      name: 'fraud',
      createdAt: at(10),
      lastActivityAt: at(20),
      description: '',
      tags: ['team=risk', 'plain', 'eq=a=b'],
      aliases: [{ alias: 'champion', version: { number: 2 } }],
      latestVersions: [version({ number: 2, stage: 'production', aliases: [{ alias: 'champion' }] }), version({ number: 4 })],
    });
    expect(json.latest_versions?.map((v) => [v.version, v.current_stage])).toEqual([['4', 'None'], ['2', 'Production']]);
    expect(json.latest_versions?.[1]).not.toHaveProperty('aliases');
    expect(json.tags).toEqual([{ key: 'team', value: 'risk' }, { key: 'plain', value: '' }, { key: 'eq', value: 'a=b' }]);
    expect(json.aliases).toEqual([{ alias: 'champion', version: '2' }]);
    expect(json).not.toHaveProperty('description');
  });

  it('decodes the board’s plain tags as keys with empty values', () => {
    expect(decodeModelTags(['fraud'])).toEqual([{ key: 'fraud', value: '' }]);
  });
});

describe('toRegistration', () => {
  it('fills the record from well-known tags and keeps run fields as reserved tags', () => {
    const input = toRegistration({
      name: 'fraud',
      source: 's3://b/1',
      runId: 'abc',
      tags: [{ key: 'data_version', value: '2026-01' }, { key: 'mlflow.source.git.commit', value: 'deadbeef' }, { key: 'semver', value: '2.0.0' }],
    });
    expect(input).toMatchObject({ model: 'fraud', artifactUri: 's3://b/1', dataVersion: '2026-01', codeCommit: 'deadbeef', semver: '2.0.0' });
    expect(input.tags).toMatchObject({ 'mlflow.run_id': 'abc', data_version: '2026-01' });
    expect(toRegistration({ name: 'm', source: 's', tags: [] }).dataVersion).toBe('unknown');
    expect(() => toRegistration({ name: 'm', source: 's', tags: [{ key: 'mlflow.run_id', value: 'x' }] })).toThrow(MlflowError);
  });
});

describe('toMlflowError', () => {
  it("maps our codes to MLflow's, with per-endpoint overrides", () => {
    expect(toMlflowError(new RegistryError('NOT_FOUND', 'x'))?.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(toMlflowError(new RegistryError('FORBIDDEN', 'x'))?.error_code).toBe('PERMISSION_DENIED');
    expect(toMlflowError(new RegistryError('INVALID_TRANSITION', 'x'))?.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect(toMlflowError(new RegistryError('CONFLICT', 'x'))?.error_code).toBe('INVALID_STATE');
    expect(toMlflowError(new RegistryError('CONFLICT', 'x'), { CONFLICT: 'RESOURCE_ALREADY_EXISTS' })?.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    const zod = z.object({ key: z.string().min(2, 'too short') }).safeParse({ key: 'a' });
    expect(toMlflowError(zod.error)).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: 'key: too short' });
    expect(toMlflowError(new Error('boom'))).toBeNull();
  });
});
