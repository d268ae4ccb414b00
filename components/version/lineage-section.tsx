import type { VersionDetail } from '@/lib/db/queries/version';
import { getLineage } from '@/lib/db/queries/lineage';
import { SectionCard } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { LineageGraph } from '@/components/lineage/lineage-graph';
import { asFeatureList } from './json-value';

/**
 * The version's lineage graph. It loads its own data (a recursive walk of version_lineage) so the rest of
 * the record does not wait for it; the record streams it in behind LineageSection.Skeleton.
 */
export async function LineageSection({ version }: { version: VersionDetail['version'] }) {
  const graph = await getLineage(version.id);
  return (
    <SectionCard title="Lineage">
      <LineageGraph
        focus={{ id: version.id, model: version.model.name, number: version.number, semver: version.semver, stage: version.stage }}
        inputs={{
          trainingDataSource: version.trainingDataSource,
          dataVersion: version.dataVersion,
          trainingDataHash: version.trainingDataHash,
          codeCommit: version.codeCommit,
          featureCount: asFeatureList(version.features).length,
          featurePipeline: version.tags.find((t) => t.key === 'feature_pipeline')?.value || null,
        }}
        graph={graph}
      />
    </SectionCard>
  );
}

LineageSection.Skeleton = function LineageSectionSkeleton() {
  return <Skeleton className="h-56 w-full rounded-lg" />;
};
