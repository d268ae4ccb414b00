import Link from 'next/link';
import { ChevronRight } from 'lucide-react';

/** Models › fraud-detector › v3: the links up, then the current page (not a link). */
export function Breadcrumb({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-1 text-sm text-ink-muted">
        {trail.map((crumb, i) => (
          <li key={crumb.href} className={i > 0 ? 'flex items-center gap-1' : undefined}>
            {i > 0 && <ChevronRight aria-hidden className="size-3.5 text-ink-faint" />}
            <Link href={crumb.href} className="rounded-md hover:text-ink">
              {crumb.label}
            </Link>
          </li>
        ))}
        <li aria-current="page" className="flex items-center gap-1 text-ink">
          <ChevronRight aria-hidden className="size-3.5 text-ink-faint" />
          {current}
        </li>
      </ol>
    </nav>
  );
}
