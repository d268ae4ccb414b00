import { BoardSkeleton } from '@/components/board/board-skeleton';

export default function BoardLoading() {
  return <BoardSkeleton />;
}
