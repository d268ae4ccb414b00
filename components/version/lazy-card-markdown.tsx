'use client';

import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/skeleton';

/** The card's renderer, loaded and run in the browser only: the server never parses a card to show it. */
export const LazyCardMarkdown = dynamic(() => import('./card-markdown').then((m) => m.CardMarkdown), {
  ssr: false,
  loading: () => (
    <div className="space-y-2" role="status" aria-busy="true" aria-label="Loading model card">
      <Skeleton className="h-4 w-1/3" />
      <Skeleton className="h-4 w-full" />
      <Skeleton className="h-4 w-5/6" />
    </div>
  ),
});
