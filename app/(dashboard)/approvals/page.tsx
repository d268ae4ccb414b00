import type { Metadata } from 'next';
import { Inbox } from 'lucide-react';
import { can, decisionDenial, type Role } from '@/lib/registry';
import { requireUser } from '@/lib/auth/current-user';
import { listPendingRequests } from '@/lib/db/queries/requests';
import { RequestCard } from '@/components/approvals/request-card';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Approvals' };

export default async function ApprovalsPage() {
  const user = await requireUser();
  const requests = await listPendingRequests();
  const mayDecide = can(user.role, 'request.decide');
  // Waiting for you: requests the four-eyes rule lets you decide (not yours, not your own versions unless allowed).
  const forYou = requests.filter((r) => mayDecide && r.requester.id !== user.id && !decisionDenial({ id: user.id, kind: 'person' }, r.separation));
  const yours = requests.filter((r) => r.requester.id === user.id);
  const others = requests.filter((r) => !forYou.includes(r) && !yours.includes(r));
  const viewer = { id: user.id, role: user.role };

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
        </>
      )}
    </div>
  );
}

function Section({ title, requests, viewer, empty }: { title: string; requests: Awaited<ReturnType<typeof listPendingRequests>>; viewer: { id: string; role: Role }; empty?: string }) {
  return (
    <section aria-label={title} className="space-y-3">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-ink-muted">
        {title} <span className="font-normal">({requests.length})</span>
      </h2>
      {requests.length === 0 && empty ? <p className="text-sm text-ink-muted">{empty}</p> : requests.map((r) => <RequestCard key={r.id} request={r} viewer={viewer} />)}
    </section>
  );
}
