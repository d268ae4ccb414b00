// GET /api/v1/models/:name/retention/preview – what the saved retention rule would archive now, and what it keeps and why; POST – the same for a proposed rule
import { ZRetentionPreview } from '@/lib/api-v1/schemas/retention';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { previewRetention } from '@/lib/services/apply-retention';
import { ZModelParams, ZRetentionPreviewBody } from '@/lib/validations/api-v1';

export const GET = route({
  summary: "Dry run of the model's retention rule",
  description: 'What a retention pass would archive now (Testing versions only) and every other version with the reason it stays. Nothing changes. With no rule saved, rule is null and nothing is archived.',
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZModelParams,
  response: ZRetentionPreview,
  handler: ({ actor, params }) => previewRetention(actor, { model: params.name }),
});

export const POST = route({
  summary: 'Dry run of a proposed retention rule',
  description: 'The same answer as GET for the rule in the body, e.g. a draft in the policy editor before it is saved. Nothing changes.',
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZModelParams,
  body: ZRetentionPreviewBody,
  response: ZRetentionPreview,
  handler: ({ actor, params, body }) => previewRetention(actor, { model: params.name, rule: body.rule }),
});
