// POST /api/models/:name/versions/:number/{promote|demote|archive|restore} – move a version outside Production
import { NextResponse } from 'next/server';
import { RegistryError } from '@/lib/registry';
import { readJson, withUser } from '@/lib/http/handler';
import { moveVersion } from '@/lib/services/move-version';
import { ZMoveBody, ZSimpleMove, ZVersionParams } from '@/lib/validations/actions';

export const POST = withUser<{ name: string; number: string; move: string }>(
  async ({ req, params, user }) => {
    const move = ZSimpleMove.safeParse(params.move);
    if (!move.success) throw new RegistryError('NOT_FOUND', `Unknown action "${params.move}".`);
    const { name, number } = ZVersionParams.parse(params);
    const body = ZMoveBody.parse(await readJson(req));
    const result = await moveVersion(user, move.data, {
      model: name,
      number,
      expectedStage: body.expectedStage,
      comment: body.reason,
      overrideJustification: body.overrideJustification,
    });
    return NextResponse.json(result);
  },
  // The service checks the precise permission for each move; reading is the floor to get this far.
  { permission: 'registry.read' },
);
