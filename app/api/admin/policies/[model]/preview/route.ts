// POST /api/admin/policies/:model/preview – what a draft policy would decide for today's Testing and Staging versions
import { NextResponse } from 'next/server';
import { readJson, withUser } from '@/lib/http/handler';
import { previewPolicy } from '@/lib/services/update-policy';
import { ZPolicyBody } from '@/lib/validations/admin';

export const POST = withUser<{ model: string }>(
  async ({ req, params, user }) => {
    const { policy } = ZPolicyBody.parse(await readJson(req));
    return NextResponse.json({ rows: await previewPolicy(user, { model: params.model, policy }) });
  },
  { permission: 'policies.manage' },
);
