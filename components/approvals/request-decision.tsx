'use client';

import { useState } from 'react';
import { decisionDenial, denialReason } from '@/lib/registry';
import type { PendingRequestView } from '@/lib/db/queries/requests';
import { useGovernanceAction } from '@/lib/queries/use-governance-action';
import { ActionButton } from '@/components/governance/action-button';
import { ActionDialog } from '@/components/governance/action-dialog';
import { GateList, summariseGates } from '@/components/governance/gate-list';
import type { Viewer } from '@/components/governance/version-actions';

/** Approve / Reject (and Cancel for the requester) on an inbox entry, with a confirmation dialog. */
export function RequestDecision({ request, viewer }: { request: PendingRequestView; viewer: Viewer }) {
  const [dialog, setDialog] = useState<'approve' | 'reject' | null>(null);
  const action = useGovernanceAction(request.model, viewer.id);
  if (viewer.role === 'viewer') return null;
  const n = request.version.number;
  const reason = denialReason(viewer.role, 'request.decide') ?? decisionDenial({ id: viewer.id, kind: 'person' }, request.separation);
  const failing = summariseGates(request.gates);
  const isRequester = request.requester.id === viewer.id;

  return (
    <div className="flex items-center gap-1.5">
      {isRequester && <ActionButton label="Cancel request" variant="ghost" pending={action.isPending} onClick={() => action.mutate({ kind: 'cancel', requestId: request.id, number: n })} />}
      <ActionButton label="Reject" disabledReason={reason} pending={action.isPending} onClick={() => setDialog('reject')} />
      <ActionButton label="Approve" variant="primary" disabledReason={reason ?? failing} pending={action.isPending} onClick={() => setDialog('approve')} />
      {dialog === 'approve' && (
        <ActionDialog
          open
          onClose={() => setDialog(null)}
          title={request.kind === 'canary' ? `Approve a ${request.canaryWeight}% canary for ${request.model} v${n}` : `Approve ${request.model} v${n}`}
          description={
            request.kind === 'canary'
              ? `If this approval completes the request, v${n} serves ${request.canaryWeight}% of traffic beside Production v${request.production?.number ?? '?'}.`
              : request.production
                ? `If this approval completes the request, v${n} replaces v${request.production.number} in Production.`
                : `If this approval completes the request, v${n} goes to Production.`
          }
          confirmLabel="Approve"
          blockedReason={failing}
          field={{ label: 'Comment', required: false }}
          onConfirm={(comment) => action.mutate({ kind: 'approve', requestId: request.id, number: n, comment, expectedProduction: request.production?.number ?? null })}
        >
          <GateList gates={request.gates} />
        </ActionDialog>
      )}
      {dialog === 'reject' && (
        <ActionDialog
          open
          onClose={() => setDialog(null)}
          title={`Reject ${request.model} v${n}`}
          description="A rejection closes the request."
          confirmLabel="Reject"
          danger
          field={{ label: 'Reason', required: true }}
          onConfirm={(comment) => action.mutate({ kind: 'reject', requestId: request.id, number: n, comment })}
        />
      )}
    </div>
  );
}
