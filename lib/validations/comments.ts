import { z } from 'zod';
import { ZVersionParams } from './actions';

// Requests of the discussion endpoints (app/api/v1/models/[name]/versions/[number]/comments).

export const COMMENT_MAX_LENGTH = 10_000;

export const ZCommentBody = z
  .string()
  .max(COMMENT_MAX_LENGTH, `A comment holds at most ${COMMENT_MAX_LENGTH.toLocaleString('en')} characters.`)
  .refine((body) => body.trim().length > 0, 'Write something first: the comment is empty.');

export const ZNewComment = z.object({ body: ZCommentBody });
export const ZEditComment = z.object({ body: ZCommentBody });
export const ZWithdrawComment = z.object({ reason: z.string().trim().min(1).max(500).optional() });

export const ZCommentParams = ZVersionParams.extend({ id: z.string().min(1).max(64).meta({ description: 'Comment id' }) });

export const ZCommentsQuery = z.object({
  /** Continue after this comment (from `nextCursor`). */
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type CommentsQuery = z.infer<typeof ZCommentsQuery>;

export const ZPeopleQuery = z.object({ q: z.string().max(100).default('') });
