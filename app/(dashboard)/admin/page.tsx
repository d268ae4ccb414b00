import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronRight, KeyRound, ScrollText, Users, type LucideIcon } from 'lucide-react';
import { listModelNames, listTokens, listUsers } from '@/lib/db/queries/admin';
import { countNotificationsSent } from '@/lib/db/queries/notification-preferences';
import { mailStatus } from '@/lib/notifications/mailer';
import { VerifyAuditButton } from '@/components/admin/verify-audit-button';
import { SectionCard } from '@/components/ui/card';
import { requireAdmin } from './require-admin';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminOverviewPage() {
  await requireAdmin('users.manage');
  const [users, tokens, models, sentToday] = await Promise.all([
    listUsers(),
    listTokens(),
    listModelNames(),
    countNotificationsSent(24),
  ]);
  const mail = mailStatus();
  const active = users.filter((u) => !u.disabled);
  const admins = active.filter((u) => u.role === 'admin').length;
  const activeTokens = tokens.filter((t) => t.status === 'active').length;

  return (
    <div className="space-y-6">
      <div className="grid gap-4 md:grid-cols-3">
        <Summary href="/admin/users" icon={Users} title="Users" value={`${active.length} active`} detail={`${admins} admin${admins === 1 ? '' : 's'} · ${users.length - active.length} disabled`} />
        <Summary href="/admin/tokens" icon={KeyRound} title="API tokens" value={`${activeTokens} active`} detail={`${tokens.length - activeTokens} revoked or expired`} />
        <Summary href="/admin/policies" icon={ScrollText} title="Policies" value={`${models.length} model${models.length === 1 ? '' : 's'}`} detail="Gates per target stage" />
      </div>
      <SectionCard title="E-mail notifications">
        {mail.enabled ? (
          <p className="max-w-2xl text-sm text-ink-muted" data-testid="mail-status">
            On: sent through <span className="font-mono">{mail.server}</span> from <span className="font-mono">{mail.from}</span>; {sentToday} message{sentToday === 1 ? '' : 's'} in
            the last 24 hours. Each person chooses what they receive under the bell in the header.
          </p>
        ) : (
          <p className="max-w-2xl text-sm text-ink-muted" data-testid="mail-status">
            Off: nobody receives e-mail and nothing is queued. Set <span className="font-mono">MODELGATE_SMTP_URL</span> (and <span className="font-mono">MODELGATE_MAIL_FROM</span>) and
            restart to send new requests to approvers, decisions to requesters, mentions and reminders.
          </p>
        )}
      </SectionCard>
      <SectionCard title="Audit log integrity">
        <p className="mb-4 max-w-2xl text-sm text-ink-muted">
          Every audit event carries a hash of its content and of the event before it, per model. Verifying recomputes every hash in the database and names the first event that
          was edited or deleted behind Modelgate&apos;s back. The check itself is recorded in the log.
        </p>
        <VerifyAuditButton />
      </SectionCard>
    </div>
  );
}

function Summary({ href, icon: Icon, title, value, detail }: { href: string; icon: LucideIcon; title: string; value: string; detail: string }) {
  return (
    <Link href={href} className="group flex items-center gap-3 rounded-lg border border-line bg-surface p-4 shadow-xs transition-colors hover:border-line-strong">
      <span className="flex size-9 shrink-0 items-center justify-center rounded-md bg-surface-muted text-ink-muted">
        <Icon aria-hidden className="size-4" />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block text-sm font-medium text-ink">{title}</span>
        <span className="block text-lg font-semibold tracking-tight text-ink">{value}</span>
        <span className="block text-xs text-ink-muted">{detail}</span>
      </span>
      <ChevronRight aria-hidden className="size-4 text-ink-faint transition-transform group-hover:translate-x-0.5" />
    </Link>
  );
}
