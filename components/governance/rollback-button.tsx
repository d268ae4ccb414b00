'use client';

import { useState } from 'react';
import { denialReason } from '@/lib/registry/permissions';
import { roleOn } from '@/lib/registry/access';
import { useGovernanceAction } from '@/lib/queries/use-governance-action';
import { ActionButton } from './action-button';
import { LazyActionDialog } from './lazy-action-dialog';
import type { Viewer } from './version-actions';

interface RollbackButtonProps {
  model: string;
  viewer: Viewer;
  production: { number: number } | null;
  lastStable: { number: number; semver: string } | null;
}

/** One click (plus a reason) returns Production to the last stable version; the current one is tagged failed. */
export function RollbackButton({ model, viewer, production, lastStable }: RollbackButtonProps) {
  const [open, setOpen] = useState(false);
  const action = useGovernanceAction(model, viewer.id);
  const role = roleOn(viewer, model);
  if (role === null || role === 'viewer') return null;
  const reason =
    denialReason(role, 'model.rollback') ??
    (!production ? 'Nothing is in Production' : !lastStable ? 'No earlier stable Production version to roll back to' : null);
  return (
    <>
      <ActionButton label="Rollback" variant="secondary" disabledReason={reason} pending={action.isPending} onClick={() => setOpen(true)} />
      {open && production && lastStable && (
        <LazyActionDialog
          open
          onClose={() => setOpen(false)}
          title={`Roll back ${model}`}
          description={`v${lastStable.number} (${lastStable.semver}) returns to Production. v${production.number} is archived and tagged failed with your reason. Nothing is deleted.`}
          confirmLabel="Rollback"
          danger
          field={{ label: 'Reason', required: true, placeholder: 'What went wrong in Production' }}
          onConfirm={(text) => action.mutate({ kind: 'rollback', reason: text, expectedVersion: production.number })}
        />
      )}
    </>
  );
}
