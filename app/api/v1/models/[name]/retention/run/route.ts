// POST /api/v1/models/:name/retention/run – apply the model's saved retention rule now ({ expectedArchive? })
import { ZRetentionRun } from '@/lib/api-v1/schemas/retention';
import { route } from '@/lib/http/route';
import { runRetention } from '@/lib/services/apply-retention';
import { ZModelParams, ZRetentionRunBody } from '@/lib/validations/api-v1';

// Retention is part of the policy: run by those who may edit policies (global admins), like saving it.
export const POST = route({
  summary: "Run the model's retention rule now",
  description:
    'Archives what the saved rule selects, each version audited as the retention rule with the reason and who ran it. With expectedArchive (the numbers a preview showed) a pass that would now archive something else answers 409. A model without a rule answers 400.',
  permission: 'policies.manage',
  scope: 'global',
  params: ZModelParams,
  body: ZRetentionRunBody,
  response: ZRetentionRun,
  errors: ['CONFLICT', 'INVALID_ARGUMENT'],
  handler: ({ actor, params, body }) => runRetention(actor, { model: params.name, expectedArchive: body.expectedArchive }),
});
