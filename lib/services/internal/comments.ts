import { extractMentions, RegistryError } from '@/lib/registry';
import type { Tx } from '@/lib/db/prisma';

/** The people a comment's text mentions who exist, are active persons, and so can read the model. */
export async function resolveMentions(tx: Tx, body: string): Promise<{ id: string; email: string }[]> {
  const emails = extractMentions(body);
  if (emails.length === 0) return [];
  return tx.user.findMany({
    where: { email: { in: emails, mode: 'insensitive' }, kind: 'person', disabled: false },
    select: { id: true, email: true },
  });
}

/** The comment, locked for this transaction, if it belongs to the version the path names. */
export async function lockComment(tx: Tx, versionId: string, id: string) {
  const [row] = await tx.$queryRaw<{ id: string; author_id: string; body: string; deleted_at: Date | null }[]>`
    SELECT "id", "author_id", "body", "deleted_at" FROM "version_comment" WHERE "id" = ${id} AND "version_id" = ${versionId} FOR UPDATE`;
  if (!row) throw new RegistryError('NOT_FOUND', 'That comment does not exist on this version.');
  if (row.deleted_at) throw new RegistryError('CONFLICT', 'That comment was withdrawn and can no longer change.');
  return { id: row.id, authorId: row.author_id, body: row.body };
}
