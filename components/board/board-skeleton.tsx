import { BoardHeader } from './board-header';
import { StageColumn } from './stage-column';

/** The board's shape while it loads (a server component: loading.tsx renders it before any data). */
export function BoardSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-busy="true" aria-label="Loading board">
      <BoardHeader.Skeleton />
      <div className="grid items-start gap-4 lg:grid-cols-3">
        <StageColumn.Skeleton stage="testing" cards={3} />
        <StageColumn.Skeleton stage="staging" cards={2} />
        <StageColumn.Skeleton stage="production" cards={1} />
      </div>
    </div>
  );
}
