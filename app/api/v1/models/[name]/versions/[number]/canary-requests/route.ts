// POST /api/v1/models/:name/versions/:number/canary-requests – ask approvers for a share of traffic beside Production ({ weight, comment })
import { NextResponse } from 'next/server';
import { readJson, withUser } from '@/lib/http/handler';
import { requestCanary } from '@/lib/services/request-canary';
import { ZCanaryRequestBody, ZVersionParams } from '@/lib/validations/actions';

export const POST = withUser<{ name: string; number: string }>(
  async ({ req, params, user }) => {
    const { name, number } = ZVersionParams.parse(params);
    const body = ZCanaryRequestBody.parse(await readJson(req));
    return NextResponse.json(await requestCanary(user, { model: name, number, weight: body.weight, comment: body.comment }), { status: 201 });
  },
  { permission: 'version.request-production' },
);
