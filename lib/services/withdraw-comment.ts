import { assertAllowed, canOn, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import { loadCommentView } from '@/lib/db/queries/comments';
import type { Actor } from './actor';
import { clock } from './clock';
import { recordAudit } from './audit';
import { findVersionOrThrow } from './internal/find-version';
import { lockComment } from './internal/comments';

/**
 * Withdraws a comment: its author may, and an admin may withdraw anyone's (with a reason). The row stays,
 * with its text emptied; the audit event holds the text it had, since the history is never edited.
 */
export async function withdrawComment(actor: Actor, input: { model: string; number: number; id: string; reason?: string }) {
  assertAllowed(actor, 'version.comment', { model: input.model });
  return inTransaction(async (tx) => {
    const version = await findVersionOrThrow(tx, input.model, input.number);
    const comment = await lockComment(tx, version.id, input.id);
    const own = comment.authorId === actor.id;
    if (!own && !canOn(actor, 'comment.moderate', { model: input.model })) throw new RegistryError('FORBIDDEN', 'Only its author or an admin can withdraw a comment.');
    if (!own && !input.reason) throw new RegistryError('INVALID_ARGUMENT', "Say why you withdraw another person's comment.");
    await tx.versionComment.update({ where: { id: comment.id }, data: { body: '', deletedAt: clock.now(), deletedBy: actor.id } });
    await recordAudit(tx, actor, {
      action: 'comment.withdrawn',
      model: version.model,
      version,
      comment: input.reason ?? null,
      data: { commentId: comment.id, before: comment.body, byAuthor: own },
    });
    return loadCommentView(tx, version.id, comment.id);
  });
}
