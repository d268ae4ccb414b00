import { z } from 'zod';
import { ZDateTime, ZStageName } from './common';

const ZCounts = z.record(ZStageName, z.number().int());

export const ZModelListItem = z
  .object({
    name: z.string(),
    description: z.string(),
    tags: z.array(z.string()),
    owner: z.string(),
    lastActivityAt: ZDateTime,
    stageCounts: ZCounts,
    production: z.object({ number: z.number().int(), semver: z.string(), metricKey: z.string().nullable(), metricValue: z.number().nullable() }).nullable(),
  })
  .meta({ id: 'ModelListItem' });

export const ZModelList = z
  .object({ items: z.array(ZModelListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'ModelList' });

export const ZModel = z
  .object({
    name: z.string(),
    description: z.string(),
    tags: z.array(z.string()),
    owner: z.string(),
    primaryMetric: z.object({ key: z.string(), direction: z.enum(['higher', 'lower']) }).nullable(),
    counts: ZCounts,
    production: z.object({ number: z.number().int(), semver: z.string(), since: ZDateTime }).nullable(),
    lastStable: z.object({ number: z.number().int(), semver: z.string() }).nullable(),
  })
  .meta({ id: 'Model' });

export const ZCreatedModel = z
  .object({ name: z.string(), description: z.string(), tags: z.array(z.string()), createdAt: ZDateTime })
  .meta({ id: 'CreatedModel' });

export const ZModelOwnerChange = z
  .object({ model: z.string(), owner: z.string().describe('The owner now (email).'), changed: z.boolean().describe('False when the model already had this owner: nothing was written.') })
  .meta({ id: 'ModelOwnerChange' });
