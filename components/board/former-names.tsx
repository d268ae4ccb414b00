'use client';

import { X } from 'lucide-react';
import { can, denialReason } from '@/lib/registry/permissions';
import type { Role } from '@/lib/registry/roles';
import type { BoardData } from '@/lib/db/queries/board';
import { useRemoveRedirect } from '@/lib/queries/use-serving';
import { Badge } from '@/components/ui/badge';

/**
 * Former names that still resolve to the model after a rename, so serving systems that load it by the
 * old name keep working. Removing one makes that name answer 404: approvers only, audited.
 */
export function FormerNames({ model, redirects, role }: { model: string; redirects: BoardData['redirects']; role: Role }) {
  const remove = useRemoveRedirect(model);
  if (redirects.length === 0) return null;
  const mayRemove = can(role, 'model.rename-served');
  return (
    <>
      <dt className="text-ink-faint">Also answers to</dt>
      <dd>
        <ul aria-label="Former names" className="flex flex-wrap gap-1 lg:justify-end">
          {redirects.map((r) => (
            <li key={r.oldName} data-testid="former-name">
              <Badge tone="zinc" title={`Renamed from ${r.oldName}; serving systems may still use it`}>
                <span className="font-mono">{r.oldName}</span>
                {role !== 'viewer' && (
                  <button
                    type="button"
                    aria-label={`Stop resolving ${r.oldName}`}
                    title={mayRemove ? `Stop resolving ${r.oldName}` : (denialReason(role, 'model.rename-served') ?? undefined)}
                    aria-disabled={!mayRemove || remove.isPending || undefined}
                    onClick={mayRemove && !remove.isPending ? () => remove.mutate(r.oldName) : undefined}
                    className="-mr-0.5 rounded text-ink-muted hover:text-red-700 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 dark:hover:text-red-300"
                  >
                    <X aria-hidden className="size-3" />
                  </button>
                )}
              </Badge>
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}
