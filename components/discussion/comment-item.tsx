'use client';

import { useState } from 'react';
import type { CommentJson } from '@/lib/api-v1/schemas/comments';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { CommentComposer } from './comment-composer';
import { LazyCommentMarkdown } from './lazy-comment-markdown';
import { WithdrawDialog } from './withdraw-dialog';

interface CommentItemProps {
  model: string;
  comment: CommentJson;
  mine: boolean;
  /** May withdraw anyone's comment (admins), with a reason. */
  moderator: boolean;
  mayComment: boolean;
  busy: boolean;
  onEdit: (body: string) => Promise<unknown>;
  onWithdraw: (reason?: string) => Promise<unknown>;
}

export function CommentItem({ model, comment, mine, moderator, mayComment, busy, onEdit, onWithdraw }: CommentItemProps) {
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const withdrawn = comment.withdrawnAt !== null;
  const canEdit = mine && mayComment && !withdrawn;
  const canWithdraw = mayComment && !withdrawn && (mine || moderator);
  return (
    <li className="flex gap-3" data-testid="comment" data-comment-id={comment.id}>
      <span aria-hidden className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-surface-muted text-xs font-semibold text-ink-muted">
        {initials(comment.author.name)}
      </span>
      <article className="min-w-0 flex-1 rounded-lg border border-line bg-surface" aria-label={`Comment by ${comment.author.name}`}>
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-line px-3 py-1.5 text-xs text-ink-muted">
          <p>
            <span className="font-medium text-ink">{comment.author.name}</span> <RelativeTime iso={comment.createdAt} />
            {comment.editedAt && !withdrawn && <span title={`Edited ${comment.editedAt}`}> · edited</span>}
          </p>
          {(canEdit || canWithdraw) && !editing && (
            <div className="flex gap-1">
              {canEdit && (
                <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit your comment from ${comment.createdAt}`}>
                  Edit
                </Button>
              )}
              {canWithdraw && (
                <Button size="sm" variant="ghost" onClick={() => setWithdrawing(true)} aria-label={mine ? 'Withdraw your comment' : `Withdraw ${comment.author.name}'s comment`}>
                  Withdraw
                </Button>
              )}
            </div>
          )}
        </header>
        <div className="px-3 py-2 text-sm">
          {withdrawn ? (
            <p className="italic text-ink-muted">
              Withdrawn{comment.withdrawnBy && comment.withdrawnBy !== comment.author.name ? ` by ${comment.withdrawnBy}` : ' by its author'}. The text stays in the audit history.
            </p>
          ) : editing ? (
            <CommentComposer
              model={model}
              initial={comment.body}
              submitLabel="Save"
              busy={busy}
              autoFocus
              onCancel={() => setEditing(false)}
              onSubmit={(body) => onEdit(body).then(() => setEditing(false))}
            />
          ) : (
            <LazyCommentMarkdown markdown={comment.body} people={comment.mentions} />
          )}
        </div>
      </article>
      <WithdrawDialog open={withdrawing} onClose={() => setWithdrawing(false)} needsReason={!mine} busy={busy} onConfirm={(reason) => onWithdraw(reason).then(() => setWithdrawing(false))} author={comment.author.name} />
    </li>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
