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
});
export type RegisterVersionInput = z.input<typeof ZRegisterVersionInput>;

export const ZStage = z.enum(STAGES);

export const ZVersionPageQuery = z.object({
  stage: ZStage,
  /** Version number to continue after (exclusive), for keyset pagination. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
