'use client';

import { useState } from 'react';
import { can, decisionDenial, denialReason, isSimpleMove, mayCancelRequest, roleOn, transitionsFrom, type AccessSubject, type Role } from '@/lib/registry';
import type { VersionCardData } from '@/lib/db/queries/board';
import type { GovernanceAction } from '@/lib/queries/governance';
import { useGatePreview } from '@/lib/queries/use-gate-preview';
import { useGovernanceAction } from '@/lib/queries/use-governance-action';
import { ActionButton } from './action-button';
import { ActionDialog } from './action-dialog';
import { CanaryDialog } from './canary-dialog';
import { GateList, summariseAdvisories, summariseGates } from './gate-list';

/** The signed-in user as the buttons see them: global role and per-model grants, read with `roleOn` as the server does. */
export interface Viewer extends AccessSubject {
  id: string;
  /** A person's global role (sessions are people; serving tokens never see the board). */
  role: Role;
}

type DialogKind = 'promote' | 'archive' | 'demote' | 'restore' | 'request-production' | 'request-canary' | 'approve' | 'reject';

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

interface DialogProps {
  kind: DialogKind;
  model: string;
  version: VersionCardData;
  viewer: Viewer;
  productionNumber: number | null;
  onClose: () => void;
  onRun: (a: GovernanceAction) => void;
}

function VersionActionDialog({ kind, model, version, viewer, productionNumber, onClose, onRun }: DialogProps) {
  const n = version.number;
  const gateTarget = kind === 'promote' ? 'staging' : kind === 'request-production' || kind === 'request-canary' || kind === 'approve' ? 'production' : null;
  const preview = useGatePreview(model, n, gateTarget ?? 'staging', gateTarget !== null);
  const gates = preview.data?.results ?? [];
  const failing = gateTarget ? (preview.isPending ? 'Checking gates…' : preview.isError ? 'Could not evaluate the gates' : summariseGates(gates)) : null;
  const gatePanel = gateTarget && (
    <section aria-label="Gates" className="rounded-md border border-line bg-surface-muted/50 p-3">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-muted">Gates for {gateTarget === 'staging' ? 'Staging' : 'Production'}</h3>
      {preview.isPending ? <p className="text-sm text-ink-muted">Evaluating…</p> : <GateList gates={gates} />}
      {!failing && summariseAdvisories(gates) && (
        <p className="mt-2 text-xs text-amber-800 dark:text-amber-300" data-testid="advisory-note">
          {summariseAdvisories(gates)}: the move goes ahead, and the gap is recorded in the audit trail.
        </p>
      )}
      {(kind === 'request-production' || kind === 'request-canary') && preview.data && (
        <p className="mt-2 text-xs text-ink-muted">Needs {preview.data.requiredApprovals} approval(s) from approvers other than you.</p>
      )}
    </section>
  );
  const override = can(roleOn(viewer, model), 'gates.override') && kind === 'promote' ? { label: 'Override justification (admins only)', required: false, minLength: 10, placeholder: 'Why this may pass failing gates' } : null;
  const common = { open: true, onClose };

  switch (kind) {
    case 'promote':
      return (
        <ActionDialog {...common} title={`Promote v${n} to Staging`} confirmLabel="Promote to Staging" blockedReason={failing} overrideField={override}
          onConfirm={(_t, justification) => onRun({ kind: 'promote', number: n, expectedStage: version.stage, overrideJustification: justification || undefined })}>
          {gatePanel}
        </ActionDialog>
      );
    case 'request-production':
      return (
        <ActionDialog {...common} title={`Request Production for v${n}`} description="Approvers will see your comment, the gate results and a comparison with Production." confirmLabel="Request Production" blockedReason={failing}
          field={{ label: 'Comment for the approvers', required: true, placeholder: 'What changed and why it should ship' }}
          onConfirm={(comment) => onRun({ kind: 'request-production', number: n, comment })}>
          {gatePanel}
        </ActionDialog>
      );
    case 'request-canary':
      return (
        <CanaryDialog model={model} number={n} productionNumber={productionNumber ?? 0} blockedReason={failing} onClose={onClose}
          onRequest={(weight, comment) => onRun({ kind: 'request-canary', number: n, weight, comment })}>
          {gatePanel}
        </CanaryDialog>
      );
    case 'approve': {
      const canary = version.pendingRequest?.kind === 'canary' ? version.pendingRequest.canaryWeight : null;
      const outcome =
        canary !== null
          ? `If this approval completes the request, v${n} serves ${canary} % of traffic beside Production v${productionNumber ?? '?'}.`
          : productionNumber
            ? `If this approval completes the request, v${n} replaces v${productionNumber} in Production.`
            : `If this approval completes the request, v${n} goes to Production.`;
      return (
        <ActionDialog {...common} title={canary !== null ? `Approve a ${canary} % canary for v${n}` : `Approve v${n} for Production`} description={outcome}
          confirmLabel="Approve" blockedReason={failing} field={{ label: 'Comment', required: false }}
          onConfirm={(comment) => onRun({ kind: 'approve', requestId: version.pendingRequest!.id, number: n, comment, expectedProduction: productionNumber })}>
          {gatePanel}
        </ActionDialog>
      );
    }
    case 'reject':
      return (
        <ActionDialog {...common} title={`Reject the request for v${n}`} description="A rejection closes the request." confirmLabel="Reject" danger field={{ label: 'Reason', required: true }}
          onConfirm={(comment) => onRun({ kind: 'reject', requestId: version.pendingRequest!.id, number: n, comment })} />
      );
    case 'archive':
    case 'demote':
    case 'restore': {
      const titles = { archive: `Archive v${n}`, demote: `Move v${n} back to Testing`, restore: `Restore v${n} to Testing` };
      const labels = { archive: 'Archive', demote: 'Demote', restore: 'Restore' };
      return (
        <ActionDialog {...common} title={titles[kind]} confirmLabel={labels[kind]} field={{ label: 'Reason', required: true }}
          onConfirm={(reason) => onRun({ kind, number: n, expectedStage: version.stage, reason })} />
      );
    }
  }
}
