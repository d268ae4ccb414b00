import type { Metadata } from 'next';
import { Inbox } from 'lucide-react';
import { canAnywhere, canOn, decisionDenial } from '@/lib/registry';
import { requireUser } from '@/lib/auth/current-user';
import { listPendingRequests, MAX_PENDING_PAGE, type PendingRequestView } from '@/lib/db/queries/requests';
import type { Viewer } from '@/components/governance/version-actions';
import { RequestCard } from '@/components/approvals/request-card';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Approvals' };

export default async function ApprovalsPage() {
  const user = await requireUser();
  const { requests, nextCursor } = await listPendingRequests({ limit: MAX_PENDING_PAGE });
  const viewer: Viewer = { id: user.id, role: user.role, grants: user.grants };
  // Per request, as the server decides: a per-model grant can make someone an approver of one model only, and the
  // four-eyes rule keeps your own requests (and your own versions unless the policy allows) from you.
  const mayDecideOn = (r: PendingRequestView) => canOn(viewer, 'request.decide', { model: r.model }) && !decisionDenial({ id: user.id, kind: 'person' }, r.separation);
  const forYou = requests.filter((r) => mayDecideOn(r) && r.requester.id !== user.id);
  const yours = requests.filter((r) => r.requester.id === user.id);
  const others = requests.filter((r) => !forYou.includes(r) && !yours.includes(r));
  const mayDecide = canAnywhere(viewer, 'request.decide');

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Approvals</h1>
        <p className="mt-1 text-sm text-ink-muted">Pending requests to promote versions to Production or to give them a canary share of traffic, with their gates checked against Production as it is now.</p>
      </header>
      {requests.length === 0 ? (
        <EmptyState icon={Inbox} title="No pending promotion requests" description="When a data scientist requests Production or a canary for a Staging version, it shows up here." />
      ) : (
        <>
          {mayDecide && <Section title="Waiting for your decision" requests={forYou} viewer={viewer} empty="Nothing is waiting for you." />}
          {yours.length > 0 && <Section title="Your requests" requests={yours} viewer={viewer} />}
          {others.length > 0 && <Section title={mayDecide ? 'Other pending requests' : 'Pending requests'} requests={others} viewer={viewer} />}
          {nextCursor && (
            <p className="text-sm text-ink-muted" data-testid="more-requests">
              Showing the {MAX_PENDING_PAGE} oldest pending requests. Decide on these first, or page through all of them with GET /api/v1/promotion-requests.
            </p>
          )}
        </>
      )}
    </div>
  );
}

function Section({ title, requests, viewer, empty }: { title: string; requests: PendingRequestView[]; viewer: Viewer; empty?: string }) {
  return (
    <section aria-label={title} className="space-y-3">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-ink-muted">
        {title} <span className="font-normal">({requests.length})</span>
      </h2>
      {requests.length === 0 && empty ? <p className="text-sm text-ink-muted">{empty}</p> : requests.map((r) => <RequestCard key={r.id} request={r} viewer={viewer} />)}
    </section>
  );
}
