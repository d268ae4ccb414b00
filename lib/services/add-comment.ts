import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import { loadCommentView } from '@/lib/db/queries/comments';
import { ZCommentBody } from '@/lib/validations/comments';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findVersionOrThrow } from './internal/find-version';
import { resolveMentions } from './internal/comments';

/** Adds a comment to a version's discussion; the people it mentions are recorded for notifications. */
export async function addComment(actor: Actor, input: { model: string; number: number; body: string }) {
  assertAllowed(actor, 'version.comment', { model: input.model });
  const body = ZCommentBody.parse(input.body);
  const authorId = actor.id;
  if (!authorId) throw new RegistryError('FORBIDDEN', 'Only a person or a service account can comment.');
  return inTransaction(async (tx) => {
    const version = await findVersionOrThrow(tx, input.model, input.number);
    const comment = await tx.versionComment.create({ data: { versionId: version.id, modelId: version.model.id, authorId, body }, select: { id: true } });
    const mentioned = await resolveMentions(tx, body);
    if (mentioned.length > 0) await tx.commentMention.createMany({ data: mentioned.map((m) => ({ commentId: comment.id, userId: m.id })) });
    await recordAudit(tx, actor, { action: 'comment.added', model: version.model, version, data: { commentId: comment.id, body, mentions: mentioned.map((m) => m.email) } });
    return loadCommentView(tx, version.id, comment.id);
  });
}
