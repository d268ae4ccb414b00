// POST /api/models/:name/versions/:number/override – admin puts a Staging version into Production past its gates
import { NextResponse } from 'next/server';
import { readJson, withUser } from '@/lib/http/handler';
import { overrideToProduction } from '@/lib/services/override-production';
import { ZOverrideBody, ZVersionParams } from '@/lib/validations/actions';

export const POST = withUser<{ name: string; number: string }>(
  async ({ req, params, user }) => {
    const { name, number } = ZVersionParams.parse(params);
    const body = ZOverrideBody.parse(await readJson(req));
    return NextResponse.json(await overrideToProduction(user, { model: name, number, justification: body.justification }));
  },
  { permission: 'gates.override' },
);
