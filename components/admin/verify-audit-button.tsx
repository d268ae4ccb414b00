'use client';

import { ShieldAlert, ShieldCheck } from 'lucide-react';
import type { ChainBreak } from '@/lib/services/verify-audit-chain';
import { useVerifyAudit } from '@/lib/queries/use-verify-audit';
import { Button } from '@/components/ui/button';

const REASONS: Record<ChainBreak['reason'], string> = {
  'content-changed': 'its content no longer matches its hash (edited after it was written)',
  'link-broken': 'it does not link to the event before it (an event was replaced)',
  'sequence-gap': 'the event before it is missing (deleted)',
};

/** Recomputes the audit log's hash chains and says whether every event is as it was written. */
export function VerifyAuditButton() {
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <div className="space-y-3">
      <Button variant="primary" onClick={() => verify.mutate()} disabled={verify.isPending}>
        <ShieldCheck aria-hidden className="size-4" />
        {verify.isPending ? 'Verifying…' : 'Verify integrity'}
      </Button>
      <div aria-live="polite" data-testid="audit-verification">
        {result?.ok && (
          <p role="status" className="flex gap-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-900/60 dark:bg-emerald-400/10 dark:text-emerald-200">
            <ShieldCheck aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              <span className="font-semibold">Intact.</span> All {result.checked.toLocaleString('en')} events in {result.chains} chains match their hashes and links
              <span className="text-emerald-800/80 dark:text-emerald-300/80"> ({result.durationMs} ms)</span>.
            </span>
          </p>
        )}
        {result && !result.ok && result.firstBroken && (
          <p role="alert" className="flex gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-400/10 dark:text-red-200">
            <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              <span className="font-semibold">Tampering detected.</span> First broken event: #{result.firstBroken.id} in chain{' '}
              <span className="font-mono">{result.firstBroken.chainKey}</span> (position {result.firstBroken.chainSeq}): {REASONS[result.firstBroken.reason]}.
            </span>
          </p>
        )}
      </div>
    </div>
  );
}
