// PATCH /api/v1/models/:name/versions/:number/comments/:id – edit one's own comment ({ body })
// DELETE – withdraw it ({ reason }: required when an admin withdraws another person's comment)
import { ZComment } from '@/lib/api-v1/schemas/comments';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { editComment } from '@/lib/services/edit-comment';
import { withdrawComment } from '@/lib/services/withdraw-comment';
import { ZCommentParams, ZEditComment, ZWithdrawComment } from '@/lib/validations/comments';

export const PATCH = route({
  summary: 'Edit your own comment (the audit event keeps the text before and after)',
  permission: 'version.comment',
  scope: modelParam('name'),
  params: ZCommentParams,
  body: ZEditComment,
  response: ZComment,
  errors: ['CONFLICT'],
  handler: ({ actor, params, body }) => editComment(actor, { model: params.name, number: params.number, id: params.id, body: body.body }),
});

export const DELETE = route({
  summary: "Withdraw a comment: your own, or as an admin anyone's with a reason. The row stays with its text emptied; the audit event keeps the text",
  permission: 'version.comment',
  scope: modelParam('name'),
  params: ZCommentParams,
  body: ZWithdrawComment,
  response: ZComment,
  errors: ['CONFLICT'],
  handler: ({ actor, params, body }) => withdrawComment(actor, { model: params.name, number: params.number, id: params.id, reason: body.reason }),
});
