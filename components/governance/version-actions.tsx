'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { denialReason } from '@/lib/registry/permissions';
import { decisionDenial } from '@/lib/registry/approvals';
import { mayCancelRequest, roleOn, type AccessSubject } from '@/lib/registry/access';
import type { Role } from '@/lib/registry/roles';
import { isSimpleMove, transitionsFrom } from '@/lib/registry/stages';
import type { VersionCardData } from '@/lib/db/queries/board';
import type { GovernanceAction } from '@/lib/queries/governance';
import { useGovernanceAction } from '@/lib/queries/use-governance-action';
import { ActionButton } from './action-button';
import type { DialogKind } from './version-action-dialog';

// The dialogs (with their gate preview, forms and the canary's schema) load when one is first opened:
// a board shows dozens of cards, and most visits open no dialog at all.
const VersionActionDialog = dynamic(() => import('./version-action-dialog').then((m) => m.VersionActionDialog), { ssr: false });

/** The signed-in user as the buttons see them: global role and per-model grants, read with `roleOn` as the server does. */
export interface Viewer extends AccessSubject {
  id: string;
  /** A person's global role (sessions are people; serving tokens never see the board). */
  role: Role;
}

interface VersionActionsProps {
  model: string;
  version: VersionCardData;
  viewer: Viewer;
  productionNumber: number | null;
}

/**
 * The actions a version's card offers, from the permission table and the viewer's role on this model
 * (a per-model grant counts, as on the server). Viewers of the model see none; other roles see the card's
 * actions, disabled with the reason when their role or the situation does not allow them. The server
 * checks everything again.
 */
export function VersionActions({ model, version, viewer, productionNumber }: VersionActionsProps) {
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const action = useGovernanceAction(model, viewer.id);
  const role = roleOn(viewer, model);
  if (role === null || role === 'viewer') return null;

  const run = (a: GovernanceAction) => action.mutate(a);
  const request = version.pendingRequest;
  const n = version.number;
  const buttons: { label: string; kind: DialogKind; reason: string | null; primary?: boolean }[] = [];

  if (version.stage === 'staging' && request) {
    // A pending request is decided before anything else happens to the version.
    const decideReason =
      denialReason(role, 'request.decide') ??
      decisionDenial({ id: viewer.id, kind: 'person' }, request.separation) ??
      (request.approverIds.includes(viewer.id) ? 'You have already approved this request' : null);
    buttons.push({ label: 'Approve', kind: 'approve', reason: decideReason, primary: true });
    buttons.push({ label: 'Reject', kind: 'reject', reason: decideReason });
  } else {
    // The moves out of this stage, from the transition table (rollbacks and replacements have no card button).
    for (const t of transitionsFrom(version.stage)) {
      if (t.path === 'move' && isSimpleMove(t.kind) && t.label && t.permission) {
        buttons.push({ label: t.label, kind: t.kind, reason: denialReason(role, t.permission), primary: t.kind === 'promote' });
      } else if (t.path === 'request' && t.label && t.permission) {
        buttons.push({ label: t.label, kind: 'request-production', reason: denialReason(role, t.permission), primary: true });
        buttons.push({
          label: version.canary ? 'Request a new share' : 'Request canary',
          kind: 'request-canary',
          reason: denialReason(role, t.permission) ?? (productionNumber === null ? 'No Production version to share traffic with' : null),
        });
      }
    }
  }
  const canCancel = !!request && mayCancelRequest(viewer, { model, requesterId: request.requesterId });

  return (
    <div className="relative z-10 mt-3 flex flex-wrap items-center gap-1.5 border-t border-line pt-2.5">
      {version.canary && (
        <p className="w-full text-xs text-sky-800 dark:text-sky-300" data-testid="canary-share">
          Canary: serves {version.canary.weight} % of traffic (approved for {version.canary.approvedWeight} %)
        </p>
      )}
      {request && (
        <p className="w-full text-xs text-amber-800 dark:text-amber-300" data-testid="pending-request">
          {request.kind === 'canary' ? `Canary of ${request.canaryWeight} % requested` : 'Production requested'} by {request.requester} · {request.approverIds.length}/{request.requiredApprovals} approvals
        </p>
      )}
      {buttons.map((b) => (
        <ActionButton key={b.kind} label={b.label} variant={b.primary ? 'primary' : 'secondary'} disabledReason={b.reason} pending={action.isPending} onClick={() => setDialog(b.kind)} />
      ))}
      {canCancel && <ActionButton label="Cancel request" variant="ghost" pending={action.isPending} onClick={() => run({ kind: 'cancel', requestId: request.id, number: n })} />}
      {dialog && (
        <VersionActionDialog
          kind={dialog}
          model={model}
          version={version}
          viewer={viewer}
          productionNumber={productionNumber}
          onClose={() => setDialog(null)}
          onRun={run}
        />
      )}
    </div>
  );
}
