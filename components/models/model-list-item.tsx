import Link from 'next/link';
import type { ModelListItem as ModelListItemData } from '@/lib/db/queries/models';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { ProductionSummary } from './production-summary';
import { StageCountPills } from './stage-count-pills';
import { TagList } from './tag-list';
import { RowCheckbox } from '@/components/portfolio/portfolio-selection';

/** One row of the model list: who owns it, what it is, what serves traffic, and how busy it is. */
export function ModelListItem({ model, selectable = false }: { model: ModelListItemData; selectable?: boolean }) {
  return (
    <li className="relative grid gap-4 px-4 py-4 transition-colors hover:bg-surface-muted/50 sm:px-5 md:grid-cols-[minmax(0,1fr)_13rem_auto]">
      <div className="min-w-0">
        <div className="flex flex-wrap items-baseline gap-x-2">
          {selectable && <RowCheckbox name={model.name} />}
          {/* The stretched link makes the whole row clickable while its name stays the link's text. */}
          <Link href={`/models/${encodeURIComponent(model.name)}`} className="font-semibold text-ink after:absolute after:inset-0 hover:text-accent-text focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-accent">
            {model.name}
          </Link>
          <span className="text-xs text-ink-faint">owned by {model.owner}</span>
        </div>
        {model.description && <p className="mt-1 line-clamp-2 text-sm text-ink-muted">{model.description}</p>}
        <TagList tags={model.tags} className="mt-2" />
      </div>
      <ProductionSummary production={model.production} />
      <div className="flex flex-col gap-2 md:items-end">
        <StageCountPills counts={model.stageCounts} />
        <p className="text-xs text-ink-faint">
          Active <RelativeTime iso={model.lastActivityAt} />
        </p>
      </div>
    </li>
  );
}

ModelListItem.Skeleton = function ModelListItemSkeleton() {
  return (
    <li className="grid gap-4 px-4 py-4 sm:px-5 md:grid-cols-[minmax(0,1fr)_13rem_auto]">
      <div className="space-y-2">
        <Skeleton className="h-5 w-48" />
        <Skeleton className="h-4 w-full max-w-md" />
        <Skeleton className="h-4 w-32" />
      </div>
      <div className="space-y-2">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-4 w-20" />
      </div>
      <Skeleton className="h-5 w-64" />
    </li>
  );
};
