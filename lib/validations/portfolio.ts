import { z } from 'zod';
import { MAX_PORTFOLIO_ITEMS, ZPolicy } from '@/lib/registry';
import { ZModelName, ZReason } from './common';

const TOO_MANY = `At most ${MAX_PORTFOLIO_ITEMS} at a time: split the selection.`;

/**
 * What a bulk action applies to: models by name, versions by model and number, or every model a filter
 * matches (the models page's search: name, description or exact tag; or one exact tag).
 */
export const ZPortfolioSelection = z
  .object({
    models: z.array(ZModelName).min(1, 'Select at least one model.').max(MAX_PORTFOLIO_ITEMS, TOO_MANY).optional(),
    versions: z
      .array(z.object({ model: ZModelName, number: z.number().int().positive() }).strict())
      .min(1, 'Select at least one version.')
      .max(MAX_PORTFOLIO_ITEMS, TOO_MANY)
      .optional(),
    filter: z
      .object({ q: z.string().trim().min(1).max(200).optional(), tag: z.string().trim().min(1).max(250).optional() })
      .strict()
      .refine((f) => f.q !== undefined || f.tag !== undefined, 'A filter needs q (the models page search) or tag (an exact tag).')
      .optional(),
  })
  .strict()
  .refine((s) => [s.models, s.versions, s.filter].filter((x) => x !== undefined).length === 1, 'The selection is exactly one of { models: [names] }, { versions: [{ model, number }] } or { filter: { q } | { tag } }.');
export type PortfolioSelection = z.infer<typeof ZPortfolioSelection>;

const ZKey = z.string().min(1).max(250);

export const ZPortfolioAction = z.discriminatedUnion(
  'type',
  [
    /** On models, a model tag ("key" or "key=value"); on versions, a version tag. */
    z.object({ type: z.literal('add-tag'), key: ZKey, value: z.string().max(5000).default('') }).strict(),
    z.object({ type: z.literal('remove-tag'), key: ZKey }).strict(),
    /** Selected versions, or each selected model's Testing and Staging versions (Production is never archived by a move). */
    z.object({ type: z.literal('archive'), comment: ZReason }).strict(),
    /** A copy of one model's policy (`fromModel`) or the policy given, saved on each model. */
    z
      .object({ type: z.literal('apply-policy'), fromModel: ZModelName.optional(), policy: ZPolicy.optional() })
      .strict()
      .refine((a) => (a.fromModel === undefined) !== (a.policy === undefined), 'Give either fromModel (copy its policy) or policy, not both.'),
    z.object({ type: z.literal('change-owner'), owner: z.email('The new owner is named by email.').max(320) }).strict(),
  ],
  { error: 'The action type is one of add-tag, remove-tag, archive, apply-policy, change-owner.' },
);
export type PortfolioAction = z.infer<typeof ZPortfolioAction>;

export const ZPortfolioPreviewBody = z.object({ selection: ZPortfolioSelection, action: ZPortfolioAction }).strict();
export type PortfolioPreviewBody = z.infer<typeof ZPortfolioPreviewBody>;

export const ZPortfolioApplyBody = z
  .object({
    selection: ZPortfolioSelection,
    action: ZPortfolioAction,
    /**
     * The preview that was confirmed: item key → the "before" it showed. An item whose state differs now,
     * or that the preview did not list, is refused (CONFLICT) instead of applied. Absent: apply as is.
     */
    expected: z.record(z.string().max(300), z.string().max(200_000)).optional(),
  })
  .strict();
export type PortfolioApplyBody = z.infer<typeof ZPortfolioApplyBody>;

export const ZPortfolioOperationParams = z.object({ id: z.string().min(1).max(64) });
export const ZPortfolioOperationsQuery = z.object({
  idempotencyKey: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  /** The id of the oldest operation already shown: the next page holds older ones. */
  before: z.string().min(1).max(64).optional(),
});
export const ZPortfolioResultQuery = z.object({ format: z.enum(['csv', 'json']).default('csv') });
