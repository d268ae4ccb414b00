import Link from 'next/link';
import type { VersionDetail } from '@/lib/db/queries/version';
import { dataSourceHref, splitDataSource } from '@/lib/registry/compare-lineage';
import { SectionCard } from '@/components/ui/card';
import { CopyableField } from './copyable-field';

/** Where the version came from and where its bytes are: enough to reproduce it or verify a deployment. */
export function ProvenanceSection({ version }: { version: VersionDetail['version'] }) {
  return (
    <SectionCard title="Artifact and provenance">
      <dl className="space-y-3">
        <CopyableField label="Artifact URI" value={version.artifactUri} />
        <CopyableField label="Artifact digest" value={version.artifactDigest} />
        <CopyableField label="Training data source" value={version.trainingDataSource}>
          {version.trainingDataSource && (
            <Link href={dataSourceHref(splitDataSource(version.trainingDataSource).source)} className="text-xs text-accent-text hover:underline">
              Which versions use this data source?
            </Link>
          )}
        </CopyableField>
        <CopyableField label="Training data hash" value={version.trainingDataHash} />
        <CopyableField label="Code commit" value={version.codeCommit} />
      </dl>
    </SectionCard>
  );
}
