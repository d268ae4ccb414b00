import Link from 'next/link';
import { ChevronLeft } from 'lucide-react';
import { ROLE_LABELS, type Role } from '@/lib/registry/roles';
import { can } from '@/lib/registry/permissions';
import type { BoardData } from '@/lib/db/queries/board';
import { TagList } from '@/components/models/tag-list';
import { FormerNames } from './former-names';
import { ChangeOwnerButton } from './change-owner-button';

interface BoardHeaderProps extends Pick<BoardData, 'model' | 'primaryMetric'> {
  redirects?: BoardData['redirects'];
  /** The viewer's role on this model (a per-model grant counts), for what the header offers. */
  role?: Role;
  /** The viewer's role on this model when a per-model grant sets it apart from their global role. */
  grantedRole?: Role | null;
}

/** Who owns the model, what it is for, how its versions are ranked, and (with a grant) what you may do here. */
export function BoardHeader({ model, primaryMetric, redirects = [], role = 'viewer', grantedRole }: BoardHeaderProps) {
  return (
    <header className="space-y-3">
      <Link href="/models" className="inline-flex items-center gap-1 rounded-md text-sm text-ink-muted hover:text-ink">
        <ChevronLeft aria-hidden className="size-4" /> Models
      </Link>
      <div className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0 space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight break-words">{model.name}</h1>
          {model.description && <p className="max-w-3xl text-sm text-ink-muted">{model.description}</p>}
          <TagList tags={model.tags} />
        </div>
        <dl className="grid shrink-0 grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm lg:text-right">
          <dt className="text-ink-faint">Owner</dt>
          <dd className="flex items-center gap-1 text-ink lg:justify-end" data-testid="model-owner">
            <span className="min-w-0 break-all">{model.owner}</span>
            {can(role, 'model.transfer') && <ChangeOwnerButton model={model.name} owner={model.owner} />}
          </dd>
          <dt className="text-ink-faint">Primary metric</dt>
          <dd className="text-ink">
            {primaryMetric ? (
              <>
                <span className="font-mono">{primaryMetric.key}</span>{' '}
                <span className="text-ink-muted">({primaryMetric.direction === 'higher' ? 'higher' : 'lower'} is better)</span>
              </>
            ) : (
              <span className="text-ink-muted">none set</span>
            )}
          </dd>
          <dt className="text-ink-faint">Last stable</dt>
          <dd className="text-ink">
            {model.lastStable ? (
              <Link href={`/models/${encodeURIComponent(model.name)}/versions/${model.lastStable.number}`} className="hover:text-accent-text hover:underline">
                v{model.lastStable.number} <span className="font-mono text-xs text-ink-muted">{model.lastStable.semver}</span>
              </Link>
            ) : (
              <span className="text-ink-muted">none yet</span>
            )}
          </dd>
          {grantedRole && (
            <>
              <dt className="text-ink-faint">Your role here</dt>
              <dd className="text-ink" data-testid="granted-role">
                {ROLE_LABELS[grantedRole]} <span className="text-ink-muted">(granted on this model)</span>
              </dd>
            </>
          )}
          <FormerNames model={model.name} redirects={redirects} role={role} />
          <dt className="text-ink-faint">History</dt>
          <dd>
            <Link href={`/models/${encodeURIComponent(model.name)}/history`} className="text-accent-text hover:underline">
              Audit timeline
            </Link>
          </dd>
        </dl>
      </div>
    </header>
  );
}
