import { z } from 'zod';
import { STAGES } from '@/lib/registry';
import { ZJsonObject, ZModelName, ZSha256Digest, ZTag } from './common';

const ZMetricInput = z.object({
  key: z.string().trim().min(1).max(100),
  value: z.number().finite(),
  evaluationSet: z.string().trim().min(1).max(100).default('default'),
  /** "" for the whole evaluation set, or a slice such as "region=EU". */
  slice: z.string().trim().max(200).default(''),
});

const ZFeature = z.object({
  name: z.string().trim().min(1).max(200),
  type: z.string().trim().min(1).max(100),
});

export const ZRegisterVersionInput = z.object({
  model: ZModelName,
  semver: z
    .string()
    .trim()
    .regex(/^\d{1,9}\.\d{1,9}\.\d{1,9}$/, 'Use MAJOR.MINOR.PATCH, e.g. 1.4.0.')
    .optional(),
  dataVersion: z.string().trim().min(1).max(200),
  artifactUri: z.string().trim().min(1).max(2000),
  artifactDigest: ZSha256Digest.optional(),
  framework: z.string().trim().max(100).optional(),
  hyperparameters: ZJsonObject.default({}),
  features: z.array(ZFeature).max(5000).default([]),
  trainingDataHash: z.string().trim().max(200).optional(),
  trainingDataSource: z.string().trim().max(2000).optional(),
  codeCommit: z.string().trim().max(200).optional(),
  trainingDurationSec: z.number().finite().nonnegative().optional(),
  trainingResources: ZJsonObject.optional(),
  parents: z.array(z.object({ model: ZModelName, version: z.number().int().positive() })).max(20).default([]),
  metrics: z.array(ZMetricInput).max(10_000).default([]),
  tags: z.record(ZTag, z.string().max(500)).default({}),
  description: z.string().max(10_000).default(''),
  modelCard: z.string().max(200_000).default(''),
  /** What changed since the previous version, and how a consumer moves to this one (markdown, editable later). */
  changelog: z.string().max(50_000).default(''),
  migrationNotes: z.string().max(50_000).default(''),
  /** What the artifact needs to run, e.g. { "python": "3.11", "cuda": "12.1" }: fixed at registration. */
  environment: z.record(z.string().trim().min(1).max(100), z.string().max(1000)).refine((e) => Object.keys(e).length <= 100, 'At most 100 environment entries.').default({}),
  /** The artifact's size in bytes: fixed at registration; the model-size gate reads it. */
  modelSizeBytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type RegisterVersionInput = z.input<typeof ZRegisterVersionInput>;

export const ZStage = z.enum(STAGES);

export const ZVersionPageQuery = z.object({
  stage: ZStage,
  /** Version number to continue after (exclusive), for keyset pagination. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** PATCH of a version: the editable documentation only (lib/registry/version-edits.ts says what is immutable). */
export const ZVersionEdit = z
  .looseObject({
    description: z.string().max(10_000).optional(),
    modelCard: z.string().max(200_000).optional(),
    changelog: z.string().max(50_000).optional(),
    migrationNotes: z.string().max(50_000).optional(),
    baseCardRevision: z.number().int().positive().optional().meta({ description: 'The card revision the edit started from; a newer one answers 409 CONFLICT.' }),
  })
  .meta({ id: 'VersionEdit', description: 'Any of description, modelCard, changelog and migrationNotes. Naming an immutable field (artifactDigest, metrics, …) answers 409 IMMUTABLE.' });
