'use client';

import { MessagesSquare } from 'lucide-react';
import { canOn, denialReason, roleOn } from '@/lib/registry';
import { useCommentChange, useComments } from '@/lib/queries/use-comments';
import type { Viewer } from '@/components/governance/version-actions';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { CommentComposer } from './comment-composer';
import { CommentItem } from './comment-item';

/** A version's discussion: the thread, oldest first, and a composer for those who may comment. */
export function Discussion({ model, number, viewer }: { model: string; number: number; viewer: Viewer }) {
  const thread = useComments(model, number);
  const change = useCommentChange(model, number);
  const role = roleOn(viewer, model);
  const mayComment = canOn(viewer, 'version.comment', { model });
  const moderator = canOn(viewer, 'comment.moderate', { model });
  const comments = thread.data?.pages.flatMap((p) => p.comments) ?? [];

  return (
    <section aria-labelledby="discussion-title" className="space-y-4" data-testid="discussion">
      <h2 id="discussion-title" className="flex items-center gap-2 text-base font-semibold">
        <MessagesSquare aria-hidden className="size-4 text-ink-muted" /> Discussion
        {comments.length > 0 && <span className="text-sm font-normal text-ink-muted">({comments.filter((c) => !c.withdrawnAt).length})</span>}
      </h2>
      {thread.isPending ? (
        <div className="space-y-3" aria-busy="true" aria-label="Loading discussion">
          <Skeleton className="h-16 w-full rounded-lg" />
          <Skeleton className="h-16 w-5/6 rounded-lg" />
        </div>
      ) : thread.isError ? (
        <p role="alert" className="flex flex-wrap items-center gap-2 text-sm text-red-700 dark:text-red-400">
          The discussion could not be loaded: {thread.error.message}
          <Button size="sm" onClick={() => void thread.refetch()}>
            Try again
          </Button>
        </p>
      ) : comments.length === 0 ? (
        <EmptyState icon={MessagesSquare} title="No comments yet" description={mayComment ? 'Ask a question, note a concern, or mention a reviewer with @.' : 'Nobody has commented on this version.'} />
      ) : (
        <ol className="space-y-3">
          {comments.map((comment) => (
            <CommentItem
              key={comment.id}
              model={model}
              comment={comment}
              mine={comment.author.id === viewer.id}
              moderator={moderator}
              mayComment={mayComment}
              busy={change.isPending}
              onEdit={(body) => change.mutateAsync({ kind: 'edit', id: comment.id, body })}
              onWithdraw={(reason) => change.mutateAsync({ kind: 'withdraw', id: comment.id, reason })}
            />
          ))}
        </ol>
      )}
      {thread.hasNextPage && (
        <Button size="sm" onClick={() => void thread.fetchNextPage()} disabled={thread.isFetchingNextPage}>
          {thread.isFetchingNextPage ? 'Loading…' : 'Show more comments'}
        </Button>
      )}
      {mayComment ? (
        <CommentComposer model={model} submitLabel="Comment" busy={change.isPending} onSubmit={(body) => change.mutateAsync({ kind: 'add', body })} />
      ) : (
        <p className="text-sm text-ink-muted">{denialReason(role, 'version.comment') ?? 'You cannot comment here'} to comment.</p>
      )}
    </section>
  );
}
