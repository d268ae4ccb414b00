import Link from 'next/link';
import { Suspense } from 'react';
import { FileCheck2 } from 'lucide-react';
import { can, denialReason, type SubjectRole } from '@/lib/registry';
import { buttonClasses } from '@/components/ui/button';
import type { VersionDetail } from '@/lib/db/queries/version';
import { Skeleton } from '@/components/ui/skeleton';
import { DetailsSection } from './details-section';
import { FeaturesSection } from './features-section';
import { HyperparametersSection } from './hyperparameters-section';
import { asFeatureList, asJsonObject } from './json-value';
import { LabelsSection } from './labels-section';
import { LineageSection } from './lineage-section';
import { MetricsSection } from './metrics-section';
import { CardHistory } from './card-history';
import { LabelsEditor } from './labels-editor';
import { VersionDocumentation } from './version-documentation';
import { ProvenanceSection } from './provenance-section';
import { VersionHeader } from './version-header';

/** A version's full record: what it is, how it scores against Production, and where it came from. */
export function VersionRecord({ detail, role }: { detail: VersionDetail; role: SubjectRole | null }) {
  const { version, production } = detail;
  // Viewers see no edit buttons; other roles see them, disabled with the reason when they may not edit.
  const editDenial = role === null || role === 'viewer' ? undefined : denialReason(role, 'version.edit');
  const dossier = `/models/${encodeURIComponent(version.model.name)}/versions/${version.number}/dossier`;
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
      <div className="-mt-3 flex justify-end">
        <Link href={dossier} className={buttonClasses({ size: 'sm' })}>
          <FileCheck2 aria-hidden className="size-3.5" /> Release dossier
        </Link>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <MetricsSection metrics={version.metrics} definitions={version.model.metricDefinitions} baseline={baseline} />
          <VersionDocumentation
            model={version.model.name}
            number={version.number}
            values={{ description: version.description, modelCard: version.modelCard, changelog: version.changelog, migrationNotes: version.migrationNotes }}
            isProduction={version.stage === 'production'}
            editDenial={editDenial}
          />
          <CardHistory model={version.model.name} number={version.number} />
          <HyperparametersSection values={asJsonObject(version.hyperparameters)} />
          <FeaturesSection features={asFeatureList(version.features)} />
        </div>
        <div className="min-w-0 space-y-6">
          <DetailsSection version={version} />
          <ProvenanceSection version={version} />
          <LabelsSection tags={version.tags} aliases={version.aliases.map((a) => a.alias)}>
            {editDenial === null && can(role, 'version.edit') && <LabelsEditor model={version.model.name} number={version.number} tags={version.tags} aliases={version.aliases.map((a) => a.alias)} />}
          </LabelsSection>
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
