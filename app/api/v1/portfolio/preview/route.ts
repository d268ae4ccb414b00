// POST /api/v1/portfolio/preview – what a bulk action would change, leave as it is, and refuse (and why); nothing is written
import { ZPortfolioPreview } from '@/lib/api-v1/schemas/portfolio';
import { route } from '@/lib/http/route';
import { previewPortfolio } from '@/lib/services/preview-portfolio';
import { ZPortfolioPreviewBody } from '@/lib/validations/portfolio';

export const POST = route({
  summary: 'Preview a bulk action across models (portfolio bulk update): per item, changed / unchanged / refused with its reason',
  description:
    'Selection: { models: [names] }, { versions: [{ model, number }] } or { filter: { q } | { tag } } (the models page search), at most 200 items. ' +
    'Actions: add-tag, remove-tag (model tags, or version tags on selected versions), archive (selected versions, or each model\'s Testing and Staging versions; needs a comment), ' +
    'apply-policy ({ fromModel } or { policy }), change-owner ({ owner: email }). Each item runs through its one-item endpoint\'s service in a transaction that is rolled back, ' +
    'so the answer is what applying would do now, refusals coded as that endpoint would answer (FORBIDDEN on a model you have no right on, INVALID_TRANSITION for Production…). ' +
    'Send the items\' "before" values as `expected` to POST /api/v1/portfolio/operations to have anything that changed since refused.',
  permission: 'registry.read',
  scope: 'list',
  body: ZPortfolioPreviewBody,
  response: ZPortfolioPreview,
  handler: ({ actor, body, visibleModels }) => previewPortfolio(actor, body, visibleModels),
});
