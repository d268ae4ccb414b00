import Link from 'next/link';
import { GitCompareArrows } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** Why a comparison link cannot be shown, and how to make one that can. */
export function CompareProblem({ model, message }: { model: string; message: string }) {
  return (
    <EmptyState
      icon={GitCompareArrows}
      title="These versions cannot be compared"
      description={
        <>
          <span role="alert" className="block font-medium text-ink">
            {message}
          </span>
          <span className="mt-1 block">Tick 2 to 10 versions on the board, or use “Compare with Production” on a version’s card.</span>
        </>
      }
      action={
        <Link href={`/models/${encodeURIComponent(model)}`} className={buttonClasses()}>
          Back to the board
        </Link>
      }
      className="mt-8"
    />
  );
}
