import { Skeleton } from '@/components/ui/skeleton';
import { COLUMN, ColumnHeading, type BoardStage } from './column-heading';
import { VersionCardSkeleton } from './version-card-skeleton';

/*
 * The skeletons live apart from the components they stand for: loading.tsx is a segment of its own, and every
 * client component its imports reach (card actions, select mode, the owner button…) was sent a second time in
 * that segment's chunks, ~17 KiB gzipped of the board's first load. This file must reach no 'use client' module
 * (board-skeleton.test.ts checks).
 */

function BoardHeaderSkeleton() {
  return (
    <div className="space-y-3">
      <Skeleton className="h-4 w-16" />
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-4 w-full max-w-xl" />
      <Skeleton className="h-5 w-40" />
    </div>
  );
}

function StageColumnSkeleton({ stage, cards }: { stage: BoardStage; cards: number }) {
  return (
    <div className={COLUMN}>
      <ColumnHeading stage={stage} count={<Skeleton className="h-3 w-3" />} />
      <div className="mt-3 space-y-2">
        {Array.from({ length: cards }, (_, i) => (
          <VersionCardSkeleton key={i} />
        ))}
      </div>
    </div>
  );
}

/** The board's shape while it loads (a server component: loading.tsx renders it before any data). */
export function BoardSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-busy="true" aria-label="Loading board">
      <BoardHeaderSkeleton />
      <div className="grid items-start gap-4 lg:grid-cols-3">
        <StageColumnSkeleton stage="testing" cards={3} />
        <StageColumnSkeleton stage="staging" cards={2} />
        <StageColumnSkeleton stage="production" cards={1} />
      </div>
    </div>
  );
}
