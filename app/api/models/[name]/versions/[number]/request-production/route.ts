// POST /api/models/:name/versions/:number/request-production – open a promotion request for a Staging version
import { NextResponse } from 'next/server';
import { readJson, withUser } from '@/lib/http/handler';
import { requestProduction } from '@/lib/services/request-production';
import { ZRequestProductionBody, ZVersionParams } from '@/lib/validations/actions';

export const POST = withUser<{ name: string; number: string }>(
  async ({ req, params, user }) => {
    const { name, number } = ZVersionParams.parse(params);
    const body = ZRequestProductionBody.parse(await readJson(req));
    const result = await requestProduction(user, { model: name, number, comment: body.comment });
    return NextResponse.json(result, { status: 201 });
  },
  { permission: 'version.request-production' },
);
