import { z } from 'zod';
import { ZDateTime, ZJsonRecord, ZStageName } from './common';

export const ZVersion = z
  .object({
    model: z.string(),
    number: z.number().int(),
    semver: z.string(),
    stage: ZStageName,
    dataVersion: z.string(),
    artifactUri: z.string(),
    artifactDigest: z.string().nullable(),
    framework: z.string().nullable(),
    hyperparameters: ZJsonRecord,
    features: z.array(z.object({ name: z.string(), type: z.string() })),
    trainingDataHash: z.string().nullable(),
    trainingDataSource: z.string().nullable(),
    codeCommit: z.string().nullable(),
    trainingDurationSec: z.number().nullable(),
    trainingResources: ZJsonRecord.nullable(),
    parents: z.array(z.object({ model: z.string(), version: z.number().int() })),
    metrics: z.array(z.object({ key: z.string(), value: z.number(), evaluationSet: z.string(), slice: z.string() })),
    tags: z.record(z.string(), z.string()),
    aliases: z.array(z.string()),
    description: z.string(),
    modelCard: z.string(),
    createdBy: z.string().nullable(),
    createdAt: ZDateTime,
    stageChangedAt: ZDateTime,
  })
  .meta({ id: 'Version' });

export const ZVersionPage = z
  .object({ versions: z.array(ZVersion), nextCursor: z.number().int().nullable().meta({ description: 'Pass as `cursor` for the next page; null at the end.' }) })
  .meta({ id: 'VersionPage' });

export const ZMoveResult = z
  .object({ id: z.string(), number: z.number().int(), from: ZStageName, to: ZStageName })
  .meta({ id: 'MoveResult', description: 'The version and the stages it moved between.' });
