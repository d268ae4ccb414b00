// GET /api/v1/models/:name/versions/:number/comments – the version's discussion, oldest first
// POST – add a comment ({ body }: markdown; @email mentions a person)
import { ZComment, ZCommentPage } from '@/lib/api-v1/schemas/comments';
import { listComments } from '@/lib/db/queries/comments';
import { RegistryError } from '@/lib/registry';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { addComment } from '@/lib/services/add-comment';
import { ZVersionParams } from '@/lib/validations/actions';
import { ZCommentsQuery, ZNewComment } from '@/lib/validations/comments';

export const GET = route({
  summary: "A version's discussion, oldest first (continue with cursor=nextCursor)",
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZVersionParams,
  query: ZCommentsQuery,
  response: ZCommentPage,
  handler: async ({ params, query }) => {
    const page = await listComments(params.name, params.number, query);
    if (!page) throw new RegistryError('NOT_FOUND', `${params.name} has no version ${params.number}.`);
    return page;
  },
});

export const POST = route({
  summary: 'Comment on a version (markdown, rendered without raw HTML; `@email` mentions a person)',
  permission: 'version.comment',
  scope: modelParam('name'),
  params: ZVersionParams,
  body: ZNewComment,
  response: ZComment,
  status: 201,
  handler: ({ actor, params, body }) => addComment(actor, { model: params.name, number: params.number, body: body.body }),
});
