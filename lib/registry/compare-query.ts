import { z } from 'zod';
import { MAX_COMPARE, MIN_COMPARE } from './compare-href';

export { compareHref, MAX_COMPARE, MIN_COMPARE } from './compare-href';

/*
 * The comparison's address: `/models/<name>/compare?v=9,10,12`, short enough to paste in a review thread.
 * Parsed the same way by the page and the API, so both refuse the same input with the same words.
 */

const ZVersionNumber = z
  .string()
  .trim()
  .regex(/^[1-9]\d{0,9}$/, 'Version numbers are whole numbers such as 12.')
  .transform(Number)
  .refine((n) => n <= 2_147_483_647, 'That version number is too large.');

export const ZCompareVersions = z
  .string({ error: `Choose ${MIN_COMPARE} to ${MAX_COMPARE} versions to compare, e.g. ?v=9,10,12.` })
  .transform((raw) => raw.split(',').filter((part) => part.trim() !== ''))
  .pipe(
    z
      .array(ZVersionNumber)
      .min(MIN_COMPARE, `Choose at least ${MIN_COMPARE} versions to compare.`)
      .max(MAX_COMPARE, `Compare at most ${MAX_COMPARE} versions at a time.`),
  )
  .superRefine((numbers, ctx) => {
    const repeated = numbers.filter((n, i) => numbers.indexOf(n) !== i);
    if (repeated.length > 0) ctx.addIssue({ code: 'custom', message: `v${repeated[0]} is listed more than once.` });
  });

export const ZTrendQuery = z.object({
  metric: z.string().trim().min(1).max(100).optional(),
  evaluationSet: z.string().trim().min(1).max(100).optional(),
});

export const ZDataSourceQuery = z.object({
  uri: z.string().trim().min(1, 'Name a data source.').max(2000),
  version: z.string().trim().min(1).max(200).optional(),
});
