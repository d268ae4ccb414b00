// POST /api/v1/models/:name/rollback – return Production to the last stable version ({ reason, expectedVersion? })
import { ZRollbackResult } from '@/lib/api-v1/schemas/serving';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { rollbackModel } from '@/lib/services/rollback-model';
import { ZModelParams } from '@/lib/validations/api-v1';
import { ZRollbackBody } from '@/lib/validations/actions';

export const POST = route({
  summary: 'Roll Production back to the last stable version',
  description: 'The current Production version is archived and tagged failed with the reason. With expectedVersion, a Production that changed meanwhile answers 409.',
  permission: 'model.rollback',
  scope: modelParam('name'),
  params: ZModelParams,
  body: ZRollbackBody,
  response: ZRollbackResult,
  errors: ['CONFLICT', 'INVALID_TRANSITION'],
  handler: ({ actor, params, body }) => rollbackModel(actor, { model: params.name, reason: body.reason, expectedVersion: body.expectedVersion }),
});
