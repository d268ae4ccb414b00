import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChevronLeft } from 'lucide-react';
import { AUDIT_ACTIONS, formatBytes, STAGE_LABELS, type AuditAction, type GateResult } from '@/lib/registry';
import { requireUser } from '@/lib/auth/current-user';
import { getDossier } from '@/lib/db/queries/dossier';
import { VERIFY_INSTRUCTIONS } from '@/lib/services/export-model';
import { DossierSection } from '@/components/dossier/dossier-section';
import { MetricsVsBaseline } from '@/components/dossier/metrics-vs-baseline';
import { PrintButton } from '@/components/dossier/print-button';
import { GateList } from '@/components/governance/gate-list';
import { StageBadge } from '@/components/registry/stage-badge';
import { formatExactTime } from '@/components/ui/time-format';
import { LazyCardMarkdown } from '@/components/version/lazy-card-markdown';
import { parseVersionNumber } from '../(record)/load-version';

interface DossierPageProps {
  params: Promise<{ name: string; number: string }>;
}

export async function generateMetadata({ params }: DossierPageProps): Promise<Metadata> {
  const { name, number } = await params;
  return { title: `${name} v${number} · release dossier` };
}

const asGates = (value: unknown): GateResult[] => (Array.isArray(value) ? (value as GateResult[]) : []);
const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * One document per release for an auditor: what was released, its documentation, how it compared with the
 * baseline it was judged against, what the gates said, who approved it and why, where it came from, and the
 * audit events that moved it with their hashes and how to verify them. Prints cleanly (print styles drop the
 * app's header and dark colours).
 */
export default async function DossierPage({ params }: DossierPageProps) {
  const { name, number: raw } = await params;
  await requireUser();
  const number = parseVersionNumber(raw);
  const dossier = number === null ? null : await getDossier(name, number);
  if (!dossier) notFound();
  const { version, baseline, events, liveGates } = dossier;
  const directions = Object.fromEntries(version.model.metricDefinitions.map((d) => [d.key, d.direction]));
  const environment = Object.entries((version.environment ?? {}) as Record<string, string>);
  const latestCard = version.cardRevisions[0];
  const versionHref = `/models/${encodeURIComponent(name)}/versions/${version.number}`;

  return (
    <article className="mx-auto max-w-4xl space-y-6 text-ink print:max-w-none print:space-y-4" aria-label="Release dossier">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={versionHref} className="inline-flex items-center gap-1 text-sm text-ink-muted hover:text-ink">
          <ChevronLeft aria-hidden className="size-4" /> {name} v{version.number}
        </Link>
        <PrintButton />
      </div>

      <header className="space-y-2">
        <p className="text-xs font-medium tracking-wide text-ink-muted uppercase">Release dossier</p>
        <h1 className="text-2xl font-semibold tracking-tight">
          {name} v{version.number} <span className="font-mono text-lg text-ink-muted">({version.semver})</span>
        </h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
          <StageBadge stage={version.stage} />
          <span>
            registered {formatExactTime(version.createdAt.toISOString())} by {version.createdBy ? `${version.createdBy.name} (${version.createdBy.email})` : 'unknown'}
          </span>
        </div>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 print:grid-cols-2">
          <div className="flex gap-2">
            <dt className="text-ink-muted">Artifact</dt>
            <dd className="min-w-0 font-mono text-xs break-all">{version.artifactUri}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-ink-muted">Digest</dt>
            <dd className="min-w-0 font-mono text-xs break-all">{version.artifactDigest ?? 'not recorded'}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-ink-muted">Size</dt>
            <dd>{version.modelSizeBytes !== null ? `${formatBytes(version.modelSizeBytes)} (${version.modelSizeBytes.toLocaleString('en')} bytes)` : 'not recorded'}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-ink-muted">Environment</dt>
            <dd className="font-mono text-xs">{environment.length > 0 ? environment.map(([k, v]) => `${k}=${v}`).join(', ') : 'not recorded'}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-ink-muted">Data version</dt>
            <dd className="font-mono text-xs">{version.dataVersion}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-ink-muted">Code commit</dt>
            <dd className="font-mono text-xs">{version.codeCommit ?? 'not recorded'}</dd>
          </div>
        </dl>
        {version.productionPeriods.length > 0 && (
          <p className="text-sm">
            In Production:{' '}
            {version.productionPeriods
              .map((p) => `${formatExactTime(p.startedAt.toISOString())} – ${p.endedAt ? `${formatExactTime(p.endedAt.toISOString())}${p.endedReason ? ` (${p.endedReason})` : ''}` : 'now'}`)
              .join('; ')}
          </p>
        )}
      </header>

      <DossierSection n={1} title="Model card">
        {version.modelCard.trim() ? <LazyCardMarkdown markdown={version.modelCard} /> : <p className="text-sm text-ink-muted">No model card was written for this version.</p>}
        <p className="mt-2 text-xs text-ink-muted">
          Revision {latestCard?.revision ?? 1}
          {latestCard && latestCard.revision > 1 ? `, edited by ${latestCard.actorLabel} ${formatExactTime(latestCard.createdAt.toISOString())}` : ', as registered'}. Earlier revisions and their differences are on the version page.
        </p>
        {(version.changelog.trim() || version.migrationNotes.trim()) && (
          <div className="mt-4 grid gap-4 sm:grid-cols-2 print:grid-cols-2">
            <div>
              <h3 className="mb-1 text-sm font-semibold">Changelog</h3>
              {version.changelog.trim() ? <LazyCardMarkdown markdown={version.changelog} /> : <p className="text-sm text-ink-muted">None.</p>}
            </div>
            <div>
              <h3 className="mb-1 text-sm font-semibold">Migration notes</h3>
              {version.migrationNotes.trim() ? <LazyCardMarkdown markdown={version.migrationNotes} /> : <p className="text-sm text-ink-muted">None.</p>}
            </div>
          </div>
        )}
      </DossierSection>

      <DossierSection n={2} title="Metrics against the baseline">
        <p className="mb-2 text-sm text-ink-muted">
          {baseline ? `Baseline: v${baseline.number} (${baseline.semver}), ${baseline.reason}.` : 'No baseline: nothing was in Production to compare with.'}
        </p>
        <MetricsVsBaseline metrics={version.metrics} baseline={baseline} directions={directions} />
      </DossierSection>

      <DossierSection n={3} title="Gates">
        {version.requests.length === 0 ? (
          <p className="mb-2 text-sm text-ink-muted">No promotion request was made for this version.</p>
        ) : (
          <div className="space-y-3">
            {version.requests.map((r) => (
              <div key={r.id}>
                <h3 className="text-sm font-semibold">
                  {r.kind === 'canary' ? `Canary request (${r.canaryWeight ?? '?'}%)` : 'Production request'} of {formatExactTime(r.createdAt.toISOString())} — {r.status}
                </h3>
                <p className="mb-1 text-xs text-ink-muted">As evaluated when the request was made:</p>
                <GateList gates={asGates(r.gateResults)} />
              </div>
            ))}
          </div>
        )}
        <h3 className="mt-3 text-sm font-semibold">Production gates under today&apos;s policy</h3>
        <GateList gates={liveGates} className="mt-1" />
      </DossierSection>

      <DossierSection n={4} title="Approvals">
        {version.requests.length === 0 ? (
          <p className="text-sm text-ink-muted">None: no request was made.</p>
        ) : (
          <ul className="space-y-3 text-sm">
            {version.requests.map((r) => (
              <li key={r.id}>
                <p>
                  Requested by <strong className="font-medium">{r.requestedBy.name}</strong> ({r.requestedBy.email}) on {formatExactTime(r.createdAt.toISOString())}; {r.requiredApprovals} approval
                  {r.requiredApprovals === 1 ? '' : 's'} required; {r.status}
                  {r.decidedAt ? ` ${formatExactTime(r.decidedAt.toISOString())}` : ''}.
                </p>
                {r.comment && <p className="mt-0.5 border-l-2 border-line pl-2 text-ink-muted">“{r.comment}”</p>}
                {r.decisions.length === 0 ? (
                  <p className="mt-1 text-ink-muted">No decision recorded.</p>
                ) : (
                  <ul className="mt-1 space-y-1">
                    {r.decisions.map((d, i) => (
                      <li key={i}>
                        <strong className="font-medium">{d.decision === 'approve' ? 'Approved' : 'Rejected'}</strong> by {d.approver.name} ({d.approver.email}), {formatExactTime(d.createdAt.toISOString())}
                        {d.comment ? <span className="block border-l-2 border-line pl-2 text-ink-muted">“{d.comment}”</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </DossierSection>

      <DossierSection n={5} title="Lineage">
        <dl className="space-y-1 text-sm">
          <div className="flex gap-2">
            <dt className="text-ink-muted">Trained from</dt>
            <dd>{version.parents.length ? version.parents.map((p) => `${p.parent.model.name} v${p.parent.number} (${p.parent.semver})`).join(', ') : 'no parent versions'}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-ink-muted">Used by</dt>
            <dd>{version.children.length ? version.children.map((c) => `${c.child.model.name} v${c.child.number} (${c.child.semver})`).join(', ') : 'no child versions'}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-ink-muted">Training data</dt>
            <dd className="min-w-0 font-mono text-xs break-all">
              {version.trainingDataSource ?? 'source not recorded'} · hash {version.trainingDataHash ?? 'not recorded'}
            </dd>
          </div>
        </dl>
      </DossierSection>

      <DossierSection n={6} title="Audit events">
        <div className="overflow-x-auto">
          <table className="w-full text-xs">
            <thead>
              <tr className="border-b border-line text-left text-ink-muted">
                <th scope="col" className="py-1.5 pr-2 font-medium">#</th>
                <th scope="col" className="py-1.5 pr-2 font-medium">When</th>
                <th scope="col" className="py-1.5 pr-2 font-medium">Who</th>
                <th scope="col" className="py-1.5 pr-2 font-medium">What</th>
                <th scope="col" className="py-1.5 pr-2 font-medium">Stage</th>
                <th scope="col" className="py-1.5 font-medium">Hash (previous → own)</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {events.map((e) => (
                <tr key={String(e.id)} className="break-inside-avoid align-top">
                  <td className="py-1.5 pr-2 tabular-nums">{e.chainSeq}</td>
                  <td className="py-1.5 pr-2 whitespace-nowrap">{formatExactTime(e.at.toISOString())}</td>
                  <td className="py-1.5 pr-2 break-all">{e.actorLabel}</td>
                  <td className="py-1.5 pr-2">
                    <span className="font-mono">{e.action}</span>
                    <span className="block text-ink-muted">{AUDIT_ACTIONS[e.action as AuditAction] ?? ''}</span>
                    {e.comment && <span className="block text-ink-muted">“{e.comment.slice(0, 300)}”</span>}
                  </td>
                  <td className="py-1.5 pr-2 whitespace-nowrap">{e.fromStage || e.toStage ? `${e.fromStage ? STAGE_LABELS[e.fromStage] : '—'} → ${e.toStage ? STAGE_LABELS[e.toStage] : '—'}` : ''}</td>
                  <td className="py-1.5 font-mono" title={`${e.chainKey} #${e.chainSeq}: ${e.hash}`}>
                    {short(e.prevHash)} → {short(e.hash)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 className="mt-4 text-sm font-semibold">How to verify these events</h3>
        <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-ink-muted">
          {VERIFY_INSTRUCTIONS.map((line) => (
            <li key={line}>{line}</li>
          ))}
          <li>
            Download the model&apos;s events from its history page (Export → events, NDJSON) or <code className="font-mono text-xs">GET /api/v1/models/{name}/export?part=ndjson</code>; each row above is in its chain{' '}
            <code className="font-mono text-xs">{events[0]?.chainKey ?? `model:…`}</code> at the sequence number shown.
          </li>
        </ol>
      </DossierSection>
      <footer className="border-t border-line pt-3 text-xs text-ink-muted">Generated by Modelgate on {formatExactTime(new Date().toISOString())}.</footer>
    </article>
  );
}
