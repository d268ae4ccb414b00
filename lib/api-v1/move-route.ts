import 'server-only';
import { ZMoveResult } from './schemas/versions';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { movePermission, moveVersion, type SimpleMove } from '@/lib/services/move-version';
import { ZMoveBody, ZVersionParams } from '@/lib/validations/actions';

const SUMMARIES: Record<SimpleMove, string> = {
  promote: 'Promote a Testing version to Staging (gates for Staging must pass)',
  demote: 'Move a Staging version back to Testing (a reason is required)',
  archive: 'Archive a version outside Production (a reason is required)',
  restore: 'Restore an archived version to Testing (a reason is required)',
};

/** POST /api/v1/models/:name/versions/:number/<move>: one contract per move, with the move's own permission. */
export function moveRoute(move: SimpleMove) {
  return route({
    summary: SUMMARIES[move],
    description:
      move === 'promote'
        ? 'With overrideJustification, an admin promotes past failing Staging gates (needs gates.override as well); the override is audited.'
        : undefined,
    permission: movePermission(move),
    scope: modelParam('name'),
    params: ZVersionParams,
    body: ZMoveBody,
    response: ZMoveResult,
    errors: ['CONFLICT', 'INVALID_TRANSITION', 'GATE_FAILED'],
    handler: ({ actor, params, body }) =>
      moveVersion(actor, move, { model: params.name, number: params.number, expectedStage: body.expectedStage, comment: body.reason, overrideJustification: body.overrideJustification }),
  });
}
