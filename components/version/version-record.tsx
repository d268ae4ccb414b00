import { Suspense } from 'react';
import type { VersionDetail } from '@/lib/db/queries/version';
import { SectionCard } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { DetailsSection } from './details-section';
import { FeaturesSection } from './features-section';
import { HyperparametersSection } from './hyperparameters-section';
import { asFeatureList, asJsonObject } from './json-value';
import { LabelsSection } from './labels-section';
import { LineageSection } from './lineage-section';
import { MetricsSection } from './metrics-section';
import { ModelCard } from './model-card';
import { ProvenanceSection } from './provenance-section';
import { VersionHeader } from './version-header';

/** A version's full record: what it is, how it scores against Production, and where it came from. */
export function VersionRecord({ detail }: { detail: VersionDetail }) {
  const { version, production } = detail;
  const baseline = production && production.id !== version.id ? production : null;
  return (
    <div className="space-y-6">
      <VersionHeader
        modelName={version.model.name}
        number={version.number}
        semver={version.semver}
        stage={version.stage}
        author={version.createdBy?.name ?? null}
        createdAt={version.createdAt.toISOString()}
        tags={version.tags}
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {version.description && (
            <SectionCard title="Description">
              <p className="text-sm whitespace-pre-wrap text-ink">{version.description}</p>
            </SectionCard>
          )}
          <MetricsSection metrics={version.metrics} definitions={version.model.metricDefinitions} baseline={baseline} />
          <ModelCard markdown={version.modelCard} />
          <HyperparametersSection values={asJsonObject(version.hyperparameters)} />
          <FeaturesSection features={asFeatureList(version.features)} />
        </div>
        <div className="min-w-0 space-y-6">
          <DetailsSection version={version} />
          <ProvenanceSection version={version} />
          <LabelsSection tags={version.tags} aliases={version.aliases.map((a) => a.alias)} />
        </div>
      </div>
      {/* Full width: a layered graph needs room left and right of the version. */}
      <Suspense fallback={<LineageSection.Skeleton />}>
        <LineageSection version={version} />
      </Suspense>
    </div>
  );
}

VersionRecord.Skeleton = function VersionRecordSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-busy="true" aria-label="Loading version">
      <VersionHeader.Skeleton />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Skeleton className="h-64 w-full rounded-lg" />
          <Skeleton className="h-48 w-full rounded-lg" />
        </div>
        <div className="space-y-6">
          <Skeleton className="h-72 w-full rounded-lg" />
          <Skeleton className="h-48 w-full rounded-lg" />
        </div>
      </div>
    </div>
  );
};
