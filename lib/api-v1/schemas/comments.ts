import { z } from 'zod';
import type { Wire } from '@/lib/http/contract';
import { ZDateTime } from './common';

const ZPerson = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const ZComment = z
  .object({
    id: z.string(),
    version: z.number().int(),
    author: ZPerson,
    body: z.string().meta({ description: 'Markdown (rendered without raw HTML); empty once withdrawn' }),
    createdAt: ZDateTime,
    editedAt: ZDateTime.nullable(),
    withdrawnAt: ZDateTime.nullable(),
    withdrawnBy: z.string().nullable().meta({ description: 'Who withdrew it: its author or an admin' }),
    mentions: z.array(ZPerson).meta({ description: 'People the comment mentions (@email), who can read the model' }),
  })
  .meta({ id: 'Comment' });

export const ZCommentPage = z
  .object({ comments: z.array(ZComment), nextCursor: z.string().nullable() })
  .meta({ id: 'CommentPage', description: 'Oldest first; continue with cursor=nextCursor' });

export const ZPeople = z.object({ people: z.array(ZPerson) });

/** What a service returns (Dates before serialisation). */
export type CommentView = Wire<z.input<typeof ZComment>>;
/** What the browser receives. */
export type CommentJson = z.output<typeof ZComment>;
