// GET /api/admin/policies/:model – the model's promotion policy; PUT – replace it (validated, audited)
import { ZSavedPolicy, ZStoredPolicy } from '@/lib/api-v1/schemas/admin';
import { RegistryError } from '@/lib/registry';
import { getPolicy } from '@/lib/db/queries/admin';
import { route } from '@/lib/http/route';
import { updatePolicy } from '@/lib/services/update-policy';
import { ZPolicyBody, ZPolicyParams } from '@/lib/validations/admin';

// Policies are the registry's governance: set by global admins only, never through a per-model grant
// or a token restricted to one model (the service checks the same).
export const GET = route({
  summary: "A model's promotion policy (the default when none was saved)",
  permission: 'policies.manage',
  scope: 'global',
  params: ZPolicyParams,
  response: ZStoredPolicy,
  handler: async ({ params }) => {
    const policy = await getPolicy(params.model);
    if (!policy) throw new RegistryError('NOT_FOUND', `No model named "${params.model}".`);
    return policy;
  },
});

export const PUT = route({
  summary: "Replace a model's promotion policy (validated and audited; a save made meanwhile is a conflict)",
  permission: 'policies.manage',
  scope: 'global',
  params: ZPolicyParams,
  body: ZPolicyBody,
  response: ZSavedPolicy,
  errors: ['CONFLICT'],
  handler: ({ actor, params, body }) => updatePolicy(actor, { model: params.model, policy: body.policy, expectedUpdatedAt: body.expectedUpdatedAt }),
});
