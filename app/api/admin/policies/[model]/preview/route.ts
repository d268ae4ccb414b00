// POST /api/admin/policies/:model/preview – what a draft policy would decide for today's Testing and Staging versions
import { ZPolicyPreview } from '@/lib/api-v1/schemas/admin';
import { route } from '@/lib/http/route';
import { previewPolicy } from '@/lib/services/update-policy';
import { ZPolicyBody, ZPolicyParams } from '@/lib/validations/admin';

export const POST = route({
  summary: "What a draft policy would decide for the model's Testing and Staging versions (nothing is saved)",
  permission: 'policies.manage',
  scope: 'global',
  params: ZPolicyParams,
  body: ZPolicyBody.pick({ policy: true }),
  response: ZPolicyPreview,
  handler: async ({ actor, params, body }) => ({ rows: await previewPolicy(actor, { model: params.model, policy: body.policy }) }),
});
