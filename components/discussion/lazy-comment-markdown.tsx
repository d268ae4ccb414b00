'use client';

import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/skeleton';

/** A comment's markdown, rendered in the browser as cards are (no raw HTML), with @mentions as names. */
export const LazyCommentMarkdown = dynamic(() => import('./comment-markdown').then((m) => m.CommentMarkdown), {
  ssr: false,
  loading: () => <Skeleton className="h-4 w-2/3" />,
});
