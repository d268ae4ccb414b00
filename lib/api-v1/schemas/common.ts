import { z } from 'zod';
import { ERROR_CODES, ROLES, STAGES } from '@/lib/registry';

// Building blocks of the response schemas. Answers carry ISO strings where the code holds Dates.

export const ZDateTime = z.string().meta({ format: 'date-time', example: '2026-11-01T12:00:00.000Z' });
export const ZStageName = z.enum(STAGES);
export const ZRoleName = z.enum(ROLES);

export const ZError = z
  .object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() }) })
  .meta({ id: 'Error', description: 'Every error: a machine-readable code and a human message.' });

export const ZGateResult = z
  .object({
    kind: z.string(),
    label: z.string(),
    passed: z.boolean(),
    detail: z.string().meta({ description: 'One sentence with the numbers behind the verdict.' }),
    checks: z
      .array(z.object({ name: z.string(), passed: z.boolean(), candidate: z.number().nullable(), required: z.number().nullable(), baseline: z.number().nullable().optional() }))
      .optional(),
  })
  .meta({ id: 'GateResult' });

/** A JSON object stored as registered (hyperparameters, training resources): keys to any JSON values. */
export const ZJsonRecord = z.record(z.string(), z.unknown().meta({ description: 'Any JSON value' }));
