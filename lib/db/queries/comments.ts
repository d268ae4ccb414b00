import 'server-only';
import { db, type Tx } from '@/lib/db/prisma';
import type { CommentView } from '@/lib/api-v1/schemas/comments';
import type { CommentsQuery } from '@/lib/validations/comments';

const PERSON = { select: { id: true, name: true, email: true } } as const;
export const COMMENT_SELECT = {
  id: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  deletedBy: true,
  version: { select: { number: true } },
  author: PERSON,
  mentions: { select: { user: PERSON }, orderBy: { createdAt: 'asc' } },
} as const;

type CommentRow = Awaited<ReturnType<typeof loadRows>>[number];
const loadRows = (client: Tx | typeof db, where: { versionId: string; id?: string }, take?: number, cursor?: string) =>
  client.versionComment.findMany({
    where,
    select: COMMENT_SELECT,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    ...(take ? { take } : {}),
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });

export function toCommentView(row: CommentRow, withdrawnByName: string | null): CommentView {
  const withdrawn = row.deletedAt !== null;
  return {
    id: row.id,
    version: row.version.number,
    author: row.author,
    body: row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    withdrawnAt: row.deletedAt,
    withdrawnBy: withdrawn ? withdrawnByName : null,
    // Mentions stay recorded; a withdrawn comment no longer shows whom it named.
    mentions: withdrawn ? [] : row.mentions.map((m) => m.user).filter((person) => row.body.toLowerCase().includes(`@${person.email.toLowerCase()}`)),
  };
}

async function withdrawerNames(client: Tx | typeof db, rows: CommentRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.deletedBy).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const users = await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** One version's discussion, oldest first, a page at a time. Null when the model has no such version. */
export async function listComments(model: string, number: number, query: CommentsQuery): Promise<{ comments: CommentView[]; nextCursor: string | null } | null> {
  const version = await db.modelVersion.findFirst({ where: { model: { name: model }, number }, select: { id: true } });
  if (!version) return null;
  const rows = await loadRows(db, { versionId: version.id }, query.limit + 1, query.cursor);
  const page = rows.slice(0, query.limit);
  const names = await withdrawerNames(db, page);
  return {
    comments: page.map((row) => toCommentView(row, row.deletedBy ? (names.get(row.deletedBy) ?? null) : null)),
    nextCursor: rows.length > query.limit ? page.at(-1)!.id : null,
  };
}

/** One comment as the API shows it, read inside the transaction that changed it. */
export async function loadCommentView(tx: Tx, versionId: string, id: string): Promise<CommentView> {
  const [row] = await loadRows(tx, { versionId, id });
  const names = await withdrawerNames(tx, [row!]);
  return toCommentView(row!, row!.deletedBy ? (names.get(row!.deletedBy) ?? null) : null);
}

/** Up to 8 active people matching `q` (name or e-mail), for the composer's @ list: every role may read every model. */
export async function findMentionablePeople(q: string) {
  const term = q.trim();
  const people = await db.user.findMany({
    where: {
      kind: 'person',
      disabled: false,
      ...(term ? { OR: [{ email: { contains: term, mode: 'insensitive' } }, { name: { contains: term, mode: 'insensitive' } }] } : {}),
    },
    select: { id: true, name: true, email: true },
    orderBy: { name: 'asc' },
    take: 8,
  });
  return people;
}
