import { z } from 'zod';
import { KEEP_REASONS, ZRetentionRule } from '@/lib/registry';
import { ZDateTime, ZStageName } from './common';

const ZArchive = z.object({
  number: z.number().int(),
  semver: z.string(),
  ageDays: z.number().int().meta({ description: 'Whole days since the version entered Testing (registered, restored or demoted)' }),
  reason: z.string().meta({ description: 'What the rule says about it, e.g. "older than 30 days (45 days in Testing)"' }),
});

export const ZRetentionPreview = z
  .object({
    model: z.string(),
    rule: ZRetentionRule.nullable().meta({ description: 'The rule previewed (the saved one, or the one proposed); null when the model has none' }),
    at: ZDateTime.meta({ description: 'The moment the rule was applied to' }),
    archive: z.array(ZArchive).meta({ description: 'What a pass would archive now, oldest first (at most 200; archiveCount is the total)' }),
    archiveCount: z.number().int(),
    kept: z
      .array(
        z.object({
          number: z.number().int(),
          semver: z.string(),
          stage: ZStageName,
          reason: z.enum(KEEP_REASONS).meta({ description: 'stage (not in Testing), served-production, pending-request, alias, newest (among the newest K), recent (not older than N days)' }),
          detail: z.string().meta({ description: 'The reason in words, e.g. "named by a pending request"' }),
        }),
      )
      .meta({ description: 'Every other version outside Archived, newest first, with why it stays (at most 200; keptCount is the total)' }),
    keptCount: z.number().int(),
  })
  .meta({ id: 'RetentionPreview' });

export const ZRetentionRun = z
  .object({
    model: z.string(),
    rule: ZRetentionRule,
    archived: z.array(ZArchive).meta({ description: 'What this pass archived (each with its own audit event, by the retention rule)' }),
  })
  .meta({ id: 'RetentionRun' });
