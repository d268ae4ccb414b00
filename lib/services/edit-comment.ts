import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import { loadCommentView } from '@/lib/db/queries/comments';
import { ZCommentBody } from '@/lib/validations/comments';
import type { Actor } from './actor';
import { clock } from './clock';
import { recordAudit } from './audit';
import { findVersionOrThrow } from './internal/find-version';
import { lockComment, resolveMentions } from './internal/comments';

/**
 * Replaces the text of one's own comment. The audit event keeps the text before and after, so an edit
 * never hides what was said; people newly mentioned are recorded too.
 */
export async function editComment(actor: Actor, input: { model: string; number: number; id: string; body: string }) {
  assertAllowed(actor, 'version.comment', { model: input.model });
  const body = ZCommentBody.parse(input.body);
  return inTransaction(async (tx) => {
    const version = await findVersionOrThrow(tx, input.model, input.number);
    const comment = await lockComment(tx, version.id, input.id);
    if (comment.authorId !== actor.id) throw new RegistryError('FORBIDDEN', 'Only its author can edit a comment.');
    if (comment.body === body) return loadCommentView(tx, version.id, comment.id);
    await tx.versionComment.update({ where: { id: comment.id }, data: { body, editedAt: clock.now() } });
    const mentioned = await resolveMentions(tx, body);
    if (mentioned.length > 0) await tx.commentMention.createMany({ data: mentioned.map((m) => ({ commentId: comment.id, userId: m.id })), skipDuplicates: true });
    await recordAudit(tx, actor, { action: 'comment.edited', model: version.model, version, data: { commentId: comment.id, before: comment.body, after: body, mentions: mentioned.map((m) => m.email) } });
    return loadCommentView(tx, version.id, comment.id);
  });
}
