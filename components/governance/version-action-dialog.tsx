'use client';

import { can } from '@/lib/registry/permissions';
import { roleOn } from '@/lib/registry/access';
import type { VersionCardData } from '@/lib/db/queries/board';
import type { GovernanceAction } from '@/lib/queries/governance';
import { useGatePreview } from '@/lib/queries/use-gate-preview';
import { ActionDialog } from './action-dialog';
import { CanaryDialog } from './canary-dialog';
import { GateList, summariseAdvisories, summariseGates } from './gate-list';
import type { Viewer } from './version-actions';

export type DialogKind = 'promote' | 'archive' | 'demote' | 'restore' | 'request-production' | 'request-canary' | 'approve' | 'reject';

interface DialogProps {
  kind: DialogKind;
  model: string;
  version: VersionCardData;
  viewer: Viewer;
  productionNumber: number | null;
  onClose: () => void;
  onRun: (a: GovernanceAction) => void;
}

/** The confirmation of one card action: its gates (previewed), a comment or reason, then the action. */
export function VersionActionDialog({ kind, model, version, viewer, productionNumber, onClose, onRun }: DialogProps) {
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
