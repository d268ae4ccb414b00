// PUT /api/v1/models/:name/versions/:number/tags/:key – set a version tag ({ value }); DELETE – remove it.
// Audited with the value before and after. Tags written by governance (failed) cannot be set by hand.
import { z } from 'zod';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { deleteVersionTag } from '@/lib/services/delete-version-tag';
import { setVersionTag } from '@/lib/services/set-version-tag';
import { ZVersionParams } from '@/lib/validations/actions';

const ZTagParams = ZVersionParams.extend({ key: z.string().min(1).max(250).meta({ description: 'Tag key' }) });
const ZTagBody = z.object({ value: z.string().max(100_000).default('') });
const ZTagSet = z.object({ key: z.string(), value: z.string() }).meta({ id: 'VersionTagSet' });
const ZTagDeleted = z.object({ deleted: z.boolean() }).meta({ id: 'VersionTagDeleted' });

export const PUT = route({
  summary: 'Set a tag on a version',
  permission: 'version.edit',
  scope: modelParam('name'),
  params: ZTagParams,
  body: ZTagBody,
  response: ZTagSet,
  handler: ({ actor, params, body }) => setVersionTag(actor, { model: params.name, number: params.number, key: params.key, value: body.value }),
});

export const DELETE = route({
  summary: 'Remove a tag from a version',
  permission: 'version.edit',
  scope: modelParam('name'),
  params: ZTagParams,
  response: ZTagDeleted,
  handler: ({ actor, params }) => deleteVersionTag(actor, { model: params.name, number: params.number, key: params.key }),
});
