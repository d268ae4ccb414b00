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
    changelog: z.string(),
    migrationNotes: z.string(),
    environment: z.record(z.string(), z.string()).meta({ description: 'What the artifact needs to run, as registered (immutable).' }),
    modelSizeBytes: z.number().int().nullable().meta({ description: 'The artifact size in bytes, as registered (immutable); read by the model-size gate.' }),
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

export const ZVersionEdited = z
  .object({
    version: ZVersion,
    changed: z.array(z.enum(['description', 'modelCard', 'changelog', 'migrationNotes'])).meta({ description: 'The fields whose value changed (empty: nothing to change, nothing audited).' }),
    cardRevision: z.number().int().meta({ description: 'The card revision now current.' }),
  })
  .meta({ id: 'VersionEdited' });

export const ZCardRevision = z
  .object({ revision: z.number().int(), modelCard: z.string(), actor: z.string(), createdAt: ZDateTime })
  .meta({ id: 'CardRevision', description: 'One state of the model card: revision 1 as registered, one more per edit.' });

export const ZCardRevisions = z
  .object({ revisions: z.array(ZCardRevision), nextCursor: z.number().int().nullable().meta({ description: 'Pass as `before` for older revisions; null at the first.' }) })
  .meta({ id: 'CardRevisions' });
