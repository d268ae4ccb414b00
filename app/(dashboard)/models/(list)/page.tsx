import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/current-user';
import { listModels } from '@/lib/db/queries/models';
import { ZListModelsQuery } from '@/lib/validations/model';
import { ModelList } from '@/components/models/model-list';
import { ModelSearchForm } from '@/components/models/model-search-form';
import { ModelsEmpty } from '@/components/models/models-empty';
import { Pagination } from '@/components/ui/pagination';
import { availablePortfolioActions } from '@/lib/registry';
import { BulkActionBar } from '@/components/portfolio/bulk-action-bar';
import { PortfolioSelectionProvider } from '@/components/portfolio/portfolio-selection';

export const metadata: Metadata = { title: 'Models' };

interface ModelsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ModelsPage({ searchParams }: ModelsPageProps) {
  const user = await requireUser();
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  // A hand-edited URL (?page=abc) falls back to the defaults instead of failing the page.
  const parsed = ZListModelsQuery.safeParse({ q: first(raw.q) || undefined, page: first(raw.page) });
  const query = parsed.success ? parsed.data : ZListModelsQuery.parse({});
  const { items, total, page, pageSize } = await listModels(query);
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const q = query.q ?? '';
  const actions = availablePortfolioActions(user);

  const hrefFor = (n: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (n > 1) params.set('page', String(n));
    const search = params.toString();
    return search ? `/models?${search}` : '/models';
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Models</h1>
          <p className="mt-1 text-sm text-ink-muted">
            {q ? `${total} ${total === 1 ? 'model matches' : 'models match'} “${q}”` : `${total} registered ${total === 1 ? 'model' : 'models'}`}
            {total > 1 && ', most recently active first'}.
          </p>
        </div>
        <ModelSearchForm query={q} />
      </div>
      {items.length === 0 ? (
        <ModelsEmpty query={q} pastEnd={total > 0} />
      ) : actions.length > 0 ? (
        // Portfolio bulk actions: only for people who may change something somewhere.
        <PortfolioSelectionProvider pageNames={items.map((m) => m.name)} query={q} total={total}>
          <BulkActionBar actions={actions} />
          <ModelList models={items} selectable />
        </PortfolioSelectionProvider>
      ) : (
        <ModelList models={items} />
      )}
      {items.length > 0 && <Pagination page={page} totalPages={totalPages} hrefFor={hrefFor} />}
    </div>
  );
}
