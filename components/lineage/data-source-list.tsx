import Link from 'next/link';
import { Database } from 'lucide-react';
import { dataSourceHref } from '@/lib/registry/compare-lineage';
import type { DataSourceSummary } from '@/lib/db/queries/lineage';
import { EmptyState } from '@/components/ui/empty-state';

/** Every data source versions were trained on, each a way into its impact page. */
export function DataSourceList({ sources, problem }: { sources: DataSourceSummary[]; problem?: string }) {
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Data sources</h1>
        <p className="text-sm text-ink-muted">The training data of every registered version. Open one to see which versions and models depend on it.</p>
      </header>
      {problem && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-400/10 dark:text-red-300">
          {problem}
        </p>
      )}
      {sources.length === 0 ? (
        <EmptyState icon={Database} title="No data sources recorded" description="Versions name their training data when they are registered (trainingDataSource)." />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-line bg-surface shadow-xs">
          <table className="w-full text-sm">
            <thead className="bg-surface-muted/60">
              <tr>
                <th scope="col" className="px-4 py-2 text-left text-xs font-medium text-ink-faint">Source</th>
                <th scope="col" className="px-4 py-2 text-right text-xs font-medium text-ink-faint">Snapshots</th>
                <th scope="col" className="px-4 py-2 text-right text-xs font-medium text-ink-faint">Models</th>
                <th scope="col" className="px-4 py-2 text-right text-xs font-medium text-ink-faint">Versions</th>
                <th scope="col" className="px-4 py-2 text-right text-xs font-medium text-ink-faint">In Production</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {sources.map((s) => (
                <tr key={s.source}>
                  <th scope="row" className="px-4 py-2 text-left font-normal">
                    <Link href={dataSourceHref(s.source)} className="font-mono text-xs break-all text-accent-text hover:underline">
                      {s.source}
                    </Link>
                  </th>
                  <td className="px-4 py-2 text-right tabular-nums">{s.snapshots}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{s.models}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{s.versions}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{s.inProduction}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
