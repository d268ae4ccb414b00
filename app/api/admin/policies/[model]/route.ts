// GET /api/admin/policies/:model – the model's promotion policy; PUT – replace it (validated, audited)
import { NextResponse } from 'next/server';
import { RegistryError } from '@/lib/registry';
import { getPolicy } from '@/lib/db/queries/admin';
import { readJson, withUser } from '@/lib/http/handler';
import { updatePolicy } from '@/lib/services/update-policy';
import { ZPolicyBody } from '@/lib/validations/admin';

export const GET = withUser<{ model: string }>(
  async ({ params }) => {
    const policy = await getPolicy(params.model);
    if (!policy) throw new RegistryError('NOT_FOUND', `No model named "${params.model}".`);
    return NextResponse.json(policy);
  },
  { permission: 'policies.manage' },
);

export const PUT = withUser<{ model: string }>(
  async ({ req, params, user }) => {
    const { policy, expectedUpdatedAt } = ZPolicyBody.parse(await readJson(req));
    return NextResponse.json(await updatePolicy(user, { model: params.model, policy, expectedUpdatedAt }));
  },
  { permission: 'policies.manage' },
);
