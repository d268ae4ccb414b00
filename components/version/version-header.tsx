import { Breadcrumb } from '@/components/ui/breadcrumb';
import type { Stage } from '@/lib/registry';
import { FailedBadge, failedReason } from '@/components/registry/failed-badge';
import { StageBadge } from '@/components/registry/stage-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';

interface VersionHeaderProps {
  modelName: string;
  number: number;
  semver: string;
  stage: Stage;
  author: string | null;
  createdAt: string;
  tags: { key: string; value: string }[];
}

export function VersionHeader({ modelName, number, semver, stage, author, createdAt, tags }: VersionHeaderProps) {
  const failed = failedReason(tags);
  return (
    <header className="space-y-3">
      <Breadcrumb trail={[{ href: '/models', label: 'Models' }, { href: `/models/${encodeURIComponent(modelName)}`, label: modelName }]} current={`v${number}`} />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">
          {modelName} v{number} <span className="ml-1 font-mono text-lg font-normal text-ink-muted">{semver}</span>
        </h1>
        <StageBadge stage={stage} />
        {failed !== null && <FailedBadge reason={failed} />}
      </div>
      <p className="text-sm text-ink-muted">
        Registered by <span className="text-ink">{author ?? 'an unknown author'}</span> <RelativeTime iso={createdAt} />
      </p>
      {failed && (
        <p role="note" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-400/10 dark:text-red-300">
          Rolled back from Production: {failed}
        </p>
      )}
    </header>
  );
}

VersionHeader.Skeleton = function VersionHeaderSkeleton() {
  return (
    <div className="space-y-3">
      <Skeleton className="h-4 w-56" />
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-4 w-64" />
    </div>
  );
};
