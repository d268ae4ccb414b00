import { z } from 'zod';
import { ZModelName, ZTag } from './common';

export const ZMetricDefinitionInput = z.object({
  key: z.string().trim().min(1).max(100),
  direction: z.enum(['higher', 'lower']),
  isPrimary: z.boolean().default(false),
  description: z.string().max(500).default(''),
});

export const ZCreateModelInput = z.object({
  name: ZModelName,
  description: z.string().max(5000).default(''),
  tags: z.array(ZTag).max(50).default([]),
  metrics: z.array(ZMetricDefinitionInput).max(100).default([]),
});
export type CreateModelInput = z.input<typeof ZCreateModelInput>;

export const ZListModelsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListModelsQuery = z.infer<typeof ZListModelsQuery>;
