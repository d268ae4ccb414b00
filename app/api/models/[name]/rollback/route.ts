// POST /api/models/:name/rollback – return Production to the last stable version
import { NextResponse } from 'next/server';
import { readJson, withUser } from '@/lib/http/handler';
import { rollbackModel } from '@/lib/services/rollback-model';
import { ZRollbackBody } from '@/lib/validations/actions';

export const POST = withUser<{ name: string }>(
  async ({ req, params, user }) => {
    const body = ZRollbackBody.parse(await readJson(req));
    return NextResponse.json(await rollbackModel(user, { model: params.name, reason: body.reason, expectedVersion: body.expectedVersion }));
  },
  { permission: 'model.rollback' },
);
