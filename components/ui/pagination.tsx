import Link from 'next/link';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { buttonClasses } from './button';

interface PaginationProps {
  page: number;
  totalPages: number;
  /** The URL of page `n`, keeping the caller's other search params. */
  hrefFor: (page: number) => string;
}

/** Previous / Next links with "Page X of Y"; an unavailable direction is shown disabled, not hidden. */
export function Pagination({ page, totalPages, hrefFor }: PaginationProps) {
  if (totalPages <= 1) return null;
  const hasPrevious = page > 1;
  const hasNext = page < totalPages;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3">
      {hasPrevious ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={buttonClasses({ size: 'sm' })}>
          <ChevronLeft aria-hidden className="size-4" /> Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={buttonClasses({ size: 'sm' })}>
          <ChevronLeft aria-hidden className="size-4" /> Previous
        </span>
      )}
      <p className="text-sm text-ink-muted" aria-live="polite">
        Page {page} of {totalPages}
      </p>
      {hasNext ? (
        <Link href={hrefFor(page + 1)} rel="next" className={buttonClasses({ size: 'sm' })}>
          Next <ChevronRight aria-hidden className="size-4" />
        </Link>
      ) : (
        <span aria-disabled="true" className={buttonClasses({ size: 'sm' })}>
          Next <ChevronRight aria-hidden className="size-4" />
        </span>
      )}
    </nav>
  );
}
