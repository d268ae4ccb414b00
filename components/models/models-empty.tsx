import Link from 'next/link';
import { Boxes, SearchX } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** Why the list is empty: nothing registered, nothing matching the search, or a page past the end. */
export function ModelsEmpty({ query, pastEnd }: { query: string; pastEnd: boolean }) {
  if (pastEnd) {
    return (
      <EmptyState
        icon={SearchX}
        title="This page is past the end of the list"
        action={<Link href={query ? `/models?q=${encodeURIComponent(query)}` : '/models'} className={buttonClasses()}>Go to the first page</Link>}
      />
    );
  }
  if (query) {
    return (
      <EmptyState
        icon={SearchX}
        title={`No models match “${query}”`}
        description="Search looks at model names, descriptions and exact tags. Check the spelling or try a shorter term."
        action={<Link href="/models" className={buttonClasses()}>Show all models</Link>}
      />
    );
  }
  return (
    <EmptyState
      icon={Boxes}
      title="No models registered yet"
      description={
        <>
          Models appear here once they are registered, usually from a training pipeline through the API
          (<code className="font-mono text-xs">POST /api/models</code>).
        </>
      }
    />
  );
}
