import type { ReactNode } from 'react';
import type { VersionDetail } from '@/lib/db/queries/version';
import { SectionCard } from '@/components/ui/card';
import { formatDuration, formatExactTime } from '@/components/ui/time-format';
import { formatBytes } from '@/lib/registry';
import { asJsonObject, formatJsonValue } from './json-value';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8.5rem_minmax(0,1fr)] gap-2 py-1.5">
      <dt className="text-ink-faint">{label}</dt>
      <dd className="text-ink">{children}</dd>
    </div>
  );
}

const missing = <span className="text-ink-faint">not recorded</span>;

/** The facts about a version that are short enough to read at a glance. */
export function DetailsSection({ version }: { version: VersionDetail['version'] }) {
  const resources = Object.entries(asJsonObject(version.trainingResources));
  const environment = Object.entries(asJsonObject(version.environment));
  return (
    <SectionCard title="Details">
      <dl className="divide-y divide-line text-sm">
        <Fact label="Version">
          {version.number} <span className="font-mono text-xs text-ink-muted">({version.semver})</span>
        </Fact>
        <Fact label="Author">{version.createdBy ? `${version.createdBy.name} (${version.createdBy.email})` : missing}</Fact>
        <Fact label="Created">{formatExactTime(version.createdAt.toISOString())}</Fact>
        <Fact label="In stage since">{formatExactTime(version.stageChangedAt.toISOString())}</Fact>
        <Fact label="Data version">
          <span className="font-mono">{version.dataVersion}</span>
        </Fact>
        <Fact label="Framework">{version.framework ?? missing}</Fact>
        <Fact label="Model size">{version.modelSizeBytes !== null ? <span title={`${version.modelSizeBytes.toLocaleString()} bytes`}>{formatBytes(version.modelSizeBytes)}</span> : missing}</Fact>
        <Fact label="Environment">
          {environment.length === 0 ? (
            missing
          ) : (
            <ul className="space-y-0.5">
              {environment.map(([key, value]) => (
                <li key={key}>
                  <span className="text-ink-muted">{key}</span> <span className="font-mono text-xs">{formatJsonValue(value)}</span>
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact label="Training time">{version.trainingDurationSec !== null ? formatDuration(version.trainingDurationSec) : missing}</Fact>
        <Fact label="Resources">
          {resources.length === 0 ? (
            missing
          ) : (
            <ul className="space-y-0.5">
              {resources.map(([key, value]) => (
                <li key={key}>
                  <span className="text-ink-muted">{key}</span> <span className="font-mono text-xs">{formatJsonValue(value)}</span>
                </li>
              ))}
            </ul>
          )}
        </Fact>
      </dl>
    </SectionCard>
  );
}
