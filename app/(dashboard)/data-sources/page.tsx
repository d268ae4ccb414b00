import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/current-user';
import { splitDataSource } from '@/lib/registry/compare-lineage';
import { ZDataSourceQuery } from '@/lib/registry/compare-query';
import { getDataSourceImpact, listDataSources } from '@/lib/db/queries/lineage';
import { DataSourceImpactView } from '@/components/lineage/data-source-impact';
import { DataSourceList } from '@/components/lineage/data-source-list';

interface DataSourcesPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ searchParams }: DataSourcesPageProps): Promise<Metadata> {
  const uri = first((await searchParams).uri);
  return { title: uri ? `Impact · ${uri}` : 'Data sources' };
}

/*
 * /data-sources lists every source; /data-sources?uri=<source>[&version=<snapshot>] answers "which
 * versions depend on it?". Sources contain "://" and "/", so they travel as a query value, not a path.
 */
export default async function DataSourcesPage({ searchParams }: DataSourcesPageProps) {
  await requireUser();
  const raw = await searchParams;
  if (first(raw.uri) === undefined) return <DataSourceList sources={await listDataSources()} />;
  const parsed = ZDataSourceQuery.safeParse({ uri: first(raw.uri), version: first(raw.version) });
  if (!parsed.success) return <DataSourceList sources={await listDataSources()} problem={parsed.error.issues[0]?.message} />;
  // A full "source@snapshot" pasted into ?uri= means that snapshot.
  const split = splitDataSource(parsed.data.uri);
  const version = parsed.data.version ?? split.version;
  return <DataSourceImpactView impact={await getDataSourceImpact(split.source, version)} />;
}
