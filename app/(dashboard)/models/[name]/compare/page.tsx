import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { ZCompareVersions } from '@/lib/registry/compare-query';
import { getComparisonData } from '@/lib/db/queries/compare';
import { Comparison } from '@/components/compare/comparison';
import { CompareProblem } from '@/components/compare/compare-problem';

interface ComparePageProps {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: ComparePageProps): Promise<Metadata> {
  return { title: `Compare · ${(await params).name}` };
}

export default async function ComparePage({ params, searchParams }: ComparePageProps) {
  await requireUser();
  const [{ name }, { v }] = await Promise.all([params, searchParams]);
  const parsed = ZCompareVersions.safeParse(Array.isArray(v) ? v.join(',') : v);
  if (!parsed.success) return <CompareProblem model={name} message={parsed.error.issues[0]?.message ?? 'These versions cannot be compared.'} />;
  const data = await getComparisonData(name, parsed.data);
  if (!data) notFound();
  if (data.missing.length > 0) {
    return <CompareProblem model={name} message={`${name} has no ${data.missing.map((n) => `v${n}`).join(', ')}. The link may be mistyped.`} />;
  }
  return <Comparison data={data} />;
}
