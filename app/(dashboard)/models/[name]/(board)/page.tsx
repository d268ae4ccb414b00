import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { Board } from '@/components/board/board';
import { loadBoard } from '@/lib/db/queries/board';

interface BoardPageProps {
  params: Promise<{ name: string }>;
}

export async function generateMetadata({ params }: BoardPageProps): Promise<Metadata> {
  return { title: (await params).name };
}

export default async function BoardPage({ params }: BoardPageProps) {
  const [user, board] = await Promise.all([requireUser(), loadBoard((await params).name)]);
  if (!board) notFound();
  return (
    <>
      {/* Rendered only once the board's data loaded: npm start's worker may then send this answer again to the same
          session while the database is unchanged (scripts/lib/page-cache.mjs); an error page never carries it. */}
      <meta name="modelgate-page-cache" content="board" />
      <Board initialBoard={board} viewer={{ id: user.id, role: user.role, grants: user.grants }} />
    </>
  );
}
